"""Path display shared by every reporter: relative to the current directory when possible."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from thor_guard.findings import FileError


def display_path(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` (POSIX separators); absolute when no relative form exists."""
    resolved = Path(path).resolve() if Path(path).is_absolute() or Path(path).exists() else Path(path)
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        pass
    try:
        return Path(os.path.relpath(resolved, base)).as_posix()
    except ValueError:  # different drive on Windows
        return resolved.as_posix()


def error_lines(errors: Sequence[FileError], *, base: Path) -> str:
    """One stderr line per file error: ``path: error: message``."""
    return "".join(f"{display_path(e.path, base)}: error: {e.message}\n" for e in errors)
