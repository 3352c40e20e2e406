"""Run a quick backtest of each market's strategies in the minute before it opens.

Guarded by the older opt-in flag HEARTBEAT_ENABLED, which predates
THOR_SCHEDULER_MODE: with the flag unset the legacy timer still starts in
heartbeat mode. ``thor-guard apply`` migrates it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading

from ThorTrading.services.bars import STORE
from ThorTrading.services.market_calendar import SESSIONS

logger = logging.getLogger(__name__)

PREOPEN_WINDOW_SECONDS = 60.0


def backtest_market(market: str, now: dt.datetime) -> dict[str, float]:
    """Replay today's closed bars of the market's symbols; return a tiny P&L summary."""
    pnl = 0.0
    for bar in STORE.bars(market):
        if bar.closed:
            pnl += bar.close - bar.open
    return {"market_pnl": pnl, "evaluated_at": now.timestamp()}


class _PreOpenBacktestRunner:
    def __init__(self, poll_seconds: float = 30.0) -> None:
        self.poll_seconds = poll_seconds
        self.results: dict[str, dict[str, float]] = {}
        self._stop = threading.Event()
        self._timer: threading.Timer | None = None

    def markets_in_window(self, now: dt.datetime) -> list[str]:
        due = []
        for session in SESSIONS:
            wait = session.seconds_to_open(now)
            if wait is not None and 1.0 <= wait <= PREOPEN_WINDOW_SECONDS:
                due.append(session.market)
        return due

    def run_once(self, now: dt.datetime | None = None) -> list[str]:
        now = now or dt.datetime.now(dt.timezone.utc)
        markets = self.markets_in_window(now)
        for market in markets:
            self.results[market] = backtest_market(market, now)
        return markets

    def run_forever(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            self.run_once()

    def start(self) -> None:
        if os.getenv("HEARTBEAT_ENABLED", "").lower() in {"1", "true", "yes"}:
            logger.info("HEARTBEAT_ENABLED set; pre-open backtests run in the heartbeat")
            return
        self._timer = threading.Timer(self.poll_seconds, self.run_forever)
        self._timer.daemon = True
        self._timer.start()

    def stop(self) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.cancel()
