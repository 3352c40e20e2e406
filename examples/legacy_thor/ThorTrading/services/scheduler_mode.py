"""Which scheduler world this process lives in (THOR_SCHEDULER_MODE).

Unset or ``heartbeat`` (any case): the heartbeat owns periodic work and the
legacy starters must return at once. Any other value (``legacy``, ``""``,
``" heartbeat"``…): the old threads run, exactly as ``heartbeat.mode`` decides.
"""

from __future__ import annotations

import os as _os


def heartbeat_mode_active() -> bool:
    """True when THOR_SCHEDULER_MODE selects the heartbeat world (unset or ``heartbeat`` in any case)."""
    return _os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
