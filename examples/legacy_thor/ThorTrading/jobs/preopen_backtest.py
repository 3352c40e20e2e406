"""Job 6, ``preopen_backtest`` (every 30 s in the 60 s before a session opens): a small pre-open statistic.

Over the last hour of closed bars it measures the mean close-to-close return
and the share of up moves - the quick look the old pre-open backtest
supervisor thread took before each open.
"""

from __future__ import annotations

from heartbeat.jobs import JobContext
from ThorTrading.jobs.bars import bars_between, minute_start
from ThorTrading.jobs.feed import symbols_for
from ThorTrading.models import PreOpenStat

LOOKBACK = 3600


def close_to_close(closes: list[float]) -> tuple[float, float] | None:
    """(mean return, share of up moves) of consecutive closes, or None with fewer than two."""
    if len(closes) < 2:
        return None
    returns = [(b - a) / a for a, b in zip(closes, closes[1:])]
    return sum(returns) / len(returns), sum(1 for r in returns if r > 0) / len(returns)


def run(ctx: JobContext) -> int:
    now = int(ctx.scheduled)
    minute = minute_start(now)
    sessions = ",".join(ctx.market.preopen_sessions)
    stored = 0
    for symbol in symbols_for(ctx.state):
        bars = bars_between(symbol, minute - LOOKBACK, minute, include_open=False)
        stat = close_to_close([bar.close for bar in bars])
        if stat is None:
            continue
        mean_return, up_ratio = stat
        PreOpenStat.objects.update_or_create(
            symbol=symbol, minute=minute,
            defaults={"sessions": sessions, "bars": len(bars), "mean_return": mean_return, "up_ratio": up_ratio},
        )
        stored += 1
    return stored
