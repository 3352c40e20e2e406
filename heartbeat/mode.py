"""The scheduler-mode gate: the heartbeat runs only in the heartbeat world (DESIGN §1).

``THOR_SCHEDULER_MODE`` unset or ``heartbeat`` (any case) means the heartbeat
owns periodic work; ``legacy`` means the old threads do and the heartbeat
must refuse to start; anything else is a configuration error, so that never
both worlds (nor neither) run. The variable and values come from
``[tool.thor-guard]`` (``env-var``, ``heartbeat-value``, ``legacy-value``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from thor_guard.config import Config
from thor_guard.errors import ThorGuardError


class ModeError(ThorGuardError):
    """The environment says the heartbeat must not run (exit code 2)."""


def check_scheduler_mode(config: Config, environ: Mapping[str, str] | None = None) -> None:
    """Return when the heartbeat may run; raise :class:`ModeError` with the reason otherwise."""
    env = os.environ if environ is None else environ
    raw = env.get(config.env_var)
    if raw is None:
        return
    value = raw.casefold()
    if value == config.heartbeat_value.casefold():
        return
    if value == config.legacy_value.casefold():
        raise ModeError(
            f"{config.env_var}={raw!r}: legacy scheduler mode is active, so the heartbeat refuses to start "
            f"(the legacy threads own periodic work); unset {config.env_var} or set it to "
            f"'{config.heartbeat_value}' to run the heartbeat"
        )
    raise ModeError(
        f"{config.env_var}={raw!r} is neither '{config.heartbeat_value}' nor '{config.legacy_value}' "
        "(case-insensitive); refusing to start because it is unclear which scheduler owns periodic work"
    )
