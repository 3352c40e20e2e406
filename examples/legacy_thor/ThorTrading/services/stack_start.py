"""Boot the pre-open backtest supervisor with the rest of the service stack."""

from __future__ import annotations

import logging
import threading
from os import getenv

from ThorTrading.services.PreOpenBacktestSupervisor import _PreOpenBacktestRunner

logger = logging.getLogger(__name__)

_supervisor_thread: threading.Thread | None = None


def start_preopen_backtest_supervisor_wrapper(poll_seconds: float = 30.0) -> bool:
    """Start the pre-open supervisor loop in a daemon thread; True when a thread was started."""
    if getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() in ("heartbeat",):
        logger.debug("Skipping legacy %s (heartbeat scheduler mode active)", "start_preopen_backtest_supervisor_wrapper".replace("_", " "))
        return False
    global _supervisor_thread
    if _supervisor_thread is not None and _supervisor_thread.is_alive():
        return False
    runner = _PreOpenBacktestRunner(poll_seconds=poll_seconds)
    _supervisor_thread = threading.Thread(target=runner.run_forever, name="thor-preopen-supervisor", daemon=True)
    _supervisor_thread.start()
    logger.info("Pre-open backtest supervisor started (poll every %.0fs)", poll_seconds)
    return True
