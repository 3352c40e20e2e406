"""The project's line length, as its formatter sees it: ruff's, else black's ``line-length``, else 88.

The inserted log call and mode read are wrapped to this length the way
black and ``ruff format`` wrap them, so a formatted project stays formatted.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_LINE_LENGTH = 88


@lru_cache(maxsize=16)
def line_length(pyproject: Path | None) -> int:
    """``[tool.ruff] line-length``, else ``[tool.black] line-length``, else 88 (also for an unreadable file)."""
    if pyproject is None:
        return DEFAULT_LINE_LENGTH
    try:
        with open(pyproject, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return DEFAULT_LINE_LENGTH
    tool = data.get("tool", {})
    for section in ("ruff", "black"):
        value = tool.get(section, {}).get("line-length") if isinstance(tool.get(section), dict) else None
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
    return DEFAULT_LINE_LENGTH
