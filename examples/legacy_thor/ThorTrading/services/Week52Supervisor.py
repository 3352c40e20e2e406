"""Track 52-week highs and lows of every symbol while its market is open."""

from __future__ import annotations

import logging
import threading

from ThorTrading.services.bars import STORE
from ThorTrading.services.market_calendar import open_markets

logger = logging.getLogger(__name__)


class _Week52ExtremesMonitor:
    """Keeps ``extremes[symbol] = (low, high)`` up to date every couple of seconds."""

    def __init__(self, interval: float = 2.0) -> None:
        self.interval = interval
        self.extremes: dict[str, tuple[float, float]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def scan_once(self) -> int:
        updated = 0
        for market in open_markets():
            for bar in STORE.bars(market):
                low, high = self.extremes.get(bar.symbol, (bar.low, bar.high))
                if bar.low < low or bar.high > high or bar.symbol not in self.extremes:
                    self.extremes[bar.symbol] = (min(low, bar.low), max(high, bar.high))
                    updated += 1
        return updated

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.scan_once()
            except Exception:
                logger.exception("52-week extremes scan failed")

    def start(self) -> None:
        """Start the scanning thread (no guard yet: this file predates the heartbeat)."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="thor-week52", daemon=True)
        self._thread.start()
        logger.info("52-week extremes monitor started")

    def stop(self) -> None:
        self._stop.set()


monitor = _Week52ExtremesMonitor()
