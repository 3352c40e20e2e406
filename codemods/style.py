"""The project's line length, as its formatter sees it: ruff's, else black's ``line-length``, else 88.

The inserted log call and mode read are wrapped to this length the way
black and ``ruff format`` wrap them, so a formatted project stays formatted.
Ruff reads the first of ``.ruff.toml``, ``ruff.toml`` and ``pyproject.toml``
in a directory (its documented precedence), black only ``[tool.black]`` in
``pyproject.toml``. A value either formatter would refuse is an error here
too: wrapping to a guessed length would leave the project unformatted
without saying why.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_LINE_LENGTH = 88
RUFF_MAX_LINE_LENGTH = 320
"""Ruff's largest accepted ``line-length`` (its ``LineLength`` type)."""


class LineLengthError(ValueError):
    """A formatter's ``line-length`` in the project's configuration that the formatter itself would refuse.

    ``message`` names the key and the value; ``path`` is the file that holds it.
    """

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(f"{path}: {message}")
        self.message = message
        self.path = path


def project_line_length(project_root: Path) -> int:
    """The line length (in characters) of the project at ``project_root``.

    Raises :class:`LineLengthError` when the file that decides it holds an invalid ``line-length`` (not an integer,
    a boolean, out of range: ruff takes 1-320, black any positive integer) or is not valid TOML.
    """
    for name in (".ruff.toml", "ruff.toml", "pyproject.toml"):
        path = project_root / name
        try:
            info = os.stat(path)
        except OSError:
            continue
        if os.path.isfile(path):
            return _line_length(path, info.st_mtime_ns, info.st_size)
    return DEFAULT_LINE_LENGTH


@lru_cache(maxsize=16)
def _line_length(path: Path, _mtime_ns: int, _size: int) -> int:
    """:func:`project_line_length` for one file (cached by its path, modification time and size)."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError:
        return DEFAULT_LINE_LENGTH  # unreadable here: the configuration loader reports an unreadable pyproject
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LineLengthError(f"invalid TOML, so the formatter's line length is unknown: {exc}", path) from exc
    if path.name != "pyproject.toml":
        return _checked(data.get("line-length"), "'line-length'", path, RUFF_MAX_LINE_LENGTH) or DEFAULT_LINE_LENGTH
    tool = data.get("tool")
    tool = tool if isinstance(tool, dict) else {}
    ruff, black = tool.get("ruff"), tool.get("black")
    found = _checked(ruff.get("line-length") if isinstance(ruff, dict) else None, "'line-length' in [tool.ruff]", path, RUFF_MAX_LINE_LENGTH)
    if found is None:
        found = _checked(black.get("line-length") if isinstance(black, dict) else None, "'line-length' in [tool.black]", path, None)
    return found or DEFAULT_LINE_LENGTH


def _checked(value: Any, key: str, path: Path, maximum: int | None) -> int | None:
    """``value`` when it is a valid line length, None when absent; raises :class:`LineLengthError` otherwise."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0 and (maximum is None or value <= maximum):
        return value
    wanted = f"an integer from 1 to {maximum}" if maximum is not None else "a positive integer"
    raise LineLengthError(f"{key} must be {wanted}, got {value!r}", path)
