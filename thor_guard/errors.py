"""Exit codes and the error types every command maps onto them.

One table, so that ``check``, ``apply``, ``audit`` and the heartbeat runner
agree on what 0, 1 and 2 mean to pre-commit and CI.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit statuses shared by every sub-command."""

    CLEAN = 0
    """Nothing to report (or, for ``apply``, nothing left to fix)."""
    FINDINGS = 1
    """Findings were reported (or ``apply --check`` would change files)."""
    ERROR = 2
    """Usage, configuration or parse errors; the run still reported what it could."""


class ThorGuardError(Exception):
    """Base class for errors that end in a one-line message and exit code 2."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        return f"{self.path}: {self.message}"


class ConfigError(ThorGuardError):
    """The configuration file or a configuration value is invalid."""


class TargetError(ConfigError):
    """A ``module:qualname`` target is malformed."""
