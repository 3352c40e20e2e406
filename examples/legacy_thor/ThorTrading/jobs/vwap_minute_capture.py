"""Job 7, ``vwap_minute_capture`` (every 60 s while open): the session VWAP per symbol, one snapshot per minute."""

from __future__ import annotations

from heartbeat.jobs import JobContext
from ThorTrading.jobs.bars import bars_between, day_start, minute_start
from ThorTrading.jobs.feed import symbols_for
from ThorTrading.models import VwapSnapshot


def run(ctx: JobContext) -> int:
    now = int(ctx.scheduled)
    minute = minute_start(now)
    stored = 0
    for symbol in symbols_for(ctx.state):
        bars = bars_between(symbol, day_start(now), now + 1)
        volume = sum(bar.volume for bar in bars)
        if volume == 0:
            continue
        vwap = sum(bar.turnover for bar in bars) / volume
        VwapSnapshot.objects.update_or_create(symbol=symbol, minute=minute, defaults={"vwap": vwap, "volume": volume})
        stored += 1
    return stored
