"""Job 4, ``market_metrics`` (every 10 s while open): change against the previous session's close and the day's range."""

from __future__ import annotations

from heartbeat.jobs import JobContext
from ThorTrading.jobs.bars import bars_between, day_start, last_bar_before
from ThorTrading.jobs.feed import symbols_for
from ThorTrading.models import MarketMetric


def run(ctx: JobContext) -> int:
    now = int(ctx.scheduled)
    start = day_start(now)
    updated = 0
    for symbol in symbols_for(ctx.state):
        today = bars_between(symbol, start, now + 1)
        if not today:
            continue
        last = today[-1].close
        high = max(bar.high for bar in today)
        low = min(bar.low for bar in today)
        previous = last_bar_before(symbol, start)
        previous_close = previous.close if previous is not None else None
        change = None if previous_close is None else last - previous_close
        change_pct = None if previous_close in (None, 0) else 100.0 * (last - previous_close) / previous_close
        MarketMetric.objects.update_or_create(
            symbol=symbol,
            defaults={
                "last": last, "previous_close": previous_close, "change": change, "change_pct": change_pct,
                "day_high": high, "day_low": low, "day_range": high - low, "as_of": now,
            },
        )
        updated += 1
    return updated
