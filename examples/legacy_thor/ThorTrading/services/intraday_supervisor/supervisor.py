"""One intraday worker thread per open market; session volume and metrics are computed there."""

from __future__ import annotations

import logging
import threading

from ThorTrading.services.bars import STORE
from ThorTrading.services.scheduler_mode import heartbeat_mode_active

logger = logging.getLogger(__name__)


class IntradayMarketSupervisor:
    def __init__(self, tick_seconds: float = 1.0) -> None:
        self.tick_seconds = tick_seconds
        self.session_volume: dict[str, int] = {}
        self._workers: dict[str, threading.Thread] = {}
        self._stops: dict[str, threading.Event] = {}

    def step(self, market: str) -> int:
        """One intraday pass over a market's bars: refresh its session volume."""
        volume = sum(bar.volume for bar in STORE.bars(market))
        self.session_volume[market] = volume
        return volume

    def _work(self, market: str, stop: threading.Event) -> None:
        while not stop.wait(self.tick_seconds):
            self.step(market)

    def on_market_open(self, market: str) -> None:
        if heartbeat_mode_active():
            logger.debug("Skipping legacy IntradayMarketSupervisor.on_market_open (heartbeat scheduler mode active)")
            return
        stop = self._stops[market] = threading.Event()
        worker = threading.Thread(target=self._work, args=(market, stop), name=f"thor-intraday-{market}", daemon=True)
        self._workers[market] = worker
        worker.start()

    def on_market_close(self, market: str) -> None:
        stop = self._stops.pop(market, None)
        if stop is not None:
            stop.set()
        # Close the session's last bars a little after the bell, off the request thread.
        finalizer = threading.Timer(5.0, STORE.close_before, args=(10**9,))
        finalizer.daemon = True
        finalizer.start()
        logger.info("Market %s closed; finalising bars", market)
