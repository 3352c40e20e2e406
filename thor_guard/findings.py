"""The one finding type shared by check, apply and audit, and the per-file error type.

Results are plain frozen data; formatting them is the reporters' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from thor_guard.rules import RULES, Severity


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place. ``line`` is 1-based, ``column`` 1-based."""

    path: Path
    line: int
    column: int
    code: str
    message: str
    entry_point: str | None = None
    """``module:qualname`` of the function concerned (check/apply), or the enclosing function (audit)."""
    extra: tuple[tuple[str, object], ...] = field(default=(), compare=False)
    """Command-specific machine data (audit's call path, spawn kind...), kept as ordered pairs."""

    @property
    def name(self) -> str:
        return RULES[self.code].name

    @property
    def severity(self) -> Severity:
        return RULES[self.code].severity


@dataclass(frozen=True, order=True)
class FileError:
    """A file or input that could not be processed (exit 2), reported beside the findings."""

    path: Path
    message: str
