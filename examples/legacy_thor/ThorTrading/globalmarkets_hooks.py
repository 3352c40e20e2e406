"""Start and stop the market-wide background services of the legacy scheduler world.

``ThorTrading.apps`` calls :func:`_start_global_background_services` when
Django is ready and :func:`_stop_global_background_services` at shutdown.
"""

from __future__ import annotations

import logging
import os
import threading

from ThorTrading.market_monitor import monitor
from ThorTrading.services.bars import STORE
from ThorTrading.services.market_calendar import open_markets

logger = logging.getLogger(__name__)

_services_lock = threading.Lock()
_stop_event = threading.Event()
_threads: list[threading.Thread] = []


def _global_services_loop(interval: float = 30.0) -> None:
    """The 24-hour statistics pass and the closed-bar flush, every ``interval`` seconds."""
    minute = 0
    while not _stop_event.wait(interval):
        minute += 1
        closed = STORE.close_before(minute)
        logger.debug("global services: %d markets open, %d bars closed", len(open_markets()), closed)


def _start_global_background_services() -> None:
    """Start the global services thread once per process."""
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy _start_global_background_services (heartbeat scheduler mode active)")
        return
    with _services_lock:
        if any(t.is_alive() for t in _threads):
            return
        _stop_event.clear()
        thread = threading.Thread(target=_global_services_loop, name="thor-global-services", daemon=True)
        _threads.append(thread)
        thread.start()
    monitor.start()


def _stop_global_background_services(timeout: float = 5.0) -> None:
    """Signal the loop to stop and flush the last bars on a timer so shutdown never blocks."""
    _stop_event.set()
    flush = threading.Timer(0.0, STORE.close_before, args=(10**9,))
    flush.daemon = True
    flush.start()
    for thread in list(_threads):
        thread.join(timeout)
    _threads.clear()
