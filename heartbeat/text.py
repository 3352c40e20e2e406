"""Wording shared by the heartbeat's log lines and reports."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 tick``, ``2 ticks``, ``0 ticks``; ``many`` for irregular plurals (``plural(2, "entry", "entries")``)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
