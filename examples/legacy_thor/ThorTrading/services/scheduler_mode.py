"""Which scheduler world this process lives in (THOR_SCHEDULER_MODE).

Unset or ``heartbeat`` (any case): the heartbeat owns periodic work and the
legacy starters must return at once. ``legacy``: the old threads run.
"""

from __future__ import annotations

import os as _os


def heartbeat_mode_active() -> bool:
    """True unless THOR_SCHEDULER_MODE selects the legacy threads."""
    return _os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").strip().lower() != "legacy"
