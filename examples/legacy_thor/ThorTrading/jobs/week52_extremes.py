"""Job 2, ``week52_extremes`` (every 2 s while open): rolling 52-week high and low per symbol."""

from __future__ import annotations

from django.db.models import Max, Min

from heartbeat.jobs import JobContext
from ThorTrading.jobs.feed import symbols_for
from ThorTrading.models import MinuteBar, OpenBar, PendingBar, Week52Extreme

WINDOW = 52 * 7 * 86_400


def extremes(symbol: str, start: int, end: int) -> tuple[float, float] | None:
    """(high, low) over all bars of ``symbol`` with ``start <= minute < end``, or None without bars."""
    highs: list[float] = []
    lows: list[float] = []
    for model in (MinuteBar, PendingBar, OpenBar):
        agg = model.objects.filter(symbol=symbol, minute__gte=start, minute__lt=end).aggregate(high=Max("high"), low=Min("low"))
        if agg["high"] is not None:
            highs.append(agg["high"])
            lows.append(agg["low"])
    return (max(highs), min(lows)) if highs else None


def run(ctx: JobContext) -> int:
    now = int(ctx.scheduled)
    updated = 0
    for symbol in symbols_for(ctx.state):
        found = extremes(symbol, now - WINDOW, now + 1)
        if found is None:
            continue
        high, low = found
        Week52Extreme.objects.update_or_create(symbol=symbol, defaults={"high": high, "low": low, "as_of": now})
        updated += 1
    return updated
