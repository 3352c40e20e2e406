"""Reading bars the way every statistic job needs them: flushed, queued and in-progress, in time order.

A bar lives in exactly one of three tables during its life (``OpenBar`` while
its minute runs, ``PendingBar`` once closed, ``MinuteBar`` once flushed); the
jobs must not care which, so this module merges them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ThorTrading.models import MinuteBar, OpenBar, PendingBar

DAY = 86_400


@dataclass(frozen=True)
class Bar:
    symbol: str
    minute: int
    open: float
    high: float
    low: float
    close: float
    volume: int
    turnover: float


def _as_bar(row: MinuteBar | PendingBar | OpenBar) -> Bar:
    return Bar(row.symbol, row.minute, row.open, row.high, row.low, row.close, row.volume, row.turnover)


def bars_between(symbol: str, start: int, end: int, *, include_open: bool = True) -> list[Bar]:
    """Bars of ``symbol`` with ``start <= minute < end``; a minute present twice counts once (flushed wins)."""
    by_minute: dict[int, Bar] = {}
    models = (OpenBar, PendingBar, MinuteBar) if include_open else (PendingBar, MinuteBar)
    for model in models:  # later models overwrite: MinuteBar wins
        for row in model.objects.filter(symbol=symbol, minute__gte=start, minute__lt=end):
            by_minute[row.minute] = _as_bar(row)
    return [by_minute[m] for m in sorted(by_minute)]


def last_bar_before(symbol: str, end: int) -> Bar | None:
    """The latest bar (any table) whose minute starts before ``end``."""
    best: Bar | None = None
    for model in (OpenBar, PendingBar, MinuteBar):
        row = model.objects.filter(symbol=symbol, minute__lt=end).order_by("-minute").first()
        if row is not None and (best is None or row.minute >= best.minute):
            best = _as_bar(row)
    return best


def day_start(ts: float) -> int:
    """Midnight UTC of the day holding ``ts`` (the synthetic market's session boundary)."""
    return int(ts) // DAY * DAY


def minute_start(ts: float) -> int:
    return int(ts) // 60 * 60
