"""A module-level singleton that watches market state in a thread.

``monitor.start()`` is called from the guarded global-services starter (so at
start-up it only runs in legacy mode) and also from an operator view that
restarts it - which a person can trigger in heartbeat mode (TG011).
"""

from __future__ import annotations

import logging
import threading
import time

from ThorTrading.services.market_calendar import open_markets

logger = logging.getLogger(__name__)


class MarketMonitor:
    def __init__(self, interval: float = 15.0) -> None:
        self.interval = interval
        self._thread: threading.Thread | None = None

    def _watch(self) -> None:
        while True:
            logger.debug("market monitor: %s", sorted(open_markets()))
            time.sleep(self.interval)

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self._watch, name="thor-market-monitor", daemon=True)
        self._thread.start()


monitor = MarketMonitor()
