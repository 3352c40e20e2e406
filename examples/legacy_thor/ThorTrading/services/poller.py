"""Poll the quote feed every few seconds in a thread of its own (a legacy-world habit)."""

from __future__ import annotations

import logging
import threading
import time

from ThorTrading.services.market_calendar import open_markets

logger = logging.getLogger(__name__)

_poller: threading.Thread | None = None


def _poll_quotes(interval: float) -> None:
    while True:
        markets = open_markets()
        logger.debug("quote poller: %d markets open", len(markets))
        time.sleep(interval)


def start_quote_poller(interval: float = 5.0) -> threading.Thread:
    """Start the poller thread once per process and return it."""
    global _poller
    if _poller is None or not _poller.is_alive():
        _poller = threading.Thread(target=_poll_quotes, args=(interval,), name="thor-quote-poller", daemon=True)
        _poller.start()
    return _poller
