"""Job 5, ``twentyfour_hour`` (every 30 s, always): rolling 24-hour open/high/low/last, volume and VWAP."""

from __future__ import annotations

from heartbeat.jobs import JobContext
from ThorTrading.jobs.bars import DAY, bars_between
from ThorTrading.jobs.feed import symbols_for
from ThorTrading.models import Rolling24h


def run(ctx: JobContext) -> int:
    now = int(ctx.scheduled)
    updated = 0
    for symbol in symbols_for(ctx.state):
        bars = bars_between(symbol, now - DAY, now + 1)
        volume = sum(bar.volume for bar in bars)
        if not bars or volume == 0:
            continue
        first, last = bars[0], bars[-1]
        Rolling24h.objects.update_or_create(
            symbol=symbol,
            defaults={
                "open": first.open, "high": max(b.high for b in bars), "low": min(b.low for b in bars),
                "last": last.close, "change": last.close - first.open, "volume": volume,
                "vwap": sum(b.turnover for b in bars) / volume, "as_of": now,
            },
        )
        updated += 1
    return updated
