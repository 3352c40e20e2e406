"""Job 3, ``session_volume`` (every 10 s while open): traded volume of the current (UTC-day) session per symbol."""

from __future__ import annotations

import datetime as dt

from heartbeat.jobs import JobContext
from ThorTrading.jobs.bars import DAY, bars_between, day_start
from ThorTrading.jobs.feed import symbols_for
from ThorTrading.models import SessionVolume


def run(ctx: JobContext) -> int:
    now = int(ctx.scheduled)
    start = day_start(now)
    session_date = dt.datetime.fromtimestamp(start, dt.timezone.utc).date()
    updated = 0
    for symbol in symbols_for(ctx.state):
        bars = bars_between(symbol, start, min(start + DAY, now + 1))
        if not bars:
            continue
        volume = sum(bar.volume for bar in bars)
        SessionVolume.objects.update_or_create(
            symbol=symbol, session_date=session_date, defaults={"volume": volume, "as_of": now}
        )
        updated += 1
    return updated
