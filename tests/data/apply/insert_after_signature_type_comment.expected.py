import logging
import os
import threading

logger = logging.getLogger(__name__)


def start(a, b):
    # type: (int, int) -> None
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print, args=(a + b,)).start()


def start_documented(a):
    # type: (int) -> None
    """A docstring after the signature comment."""
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_documented (heartbeat scheduler mode active)"
        )
        return
    threading.Thread(target=print, args=(a,)).start()


def start_commented(a):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_commented (heartbeat scheduler mode active)"
        )
        return
    # an ordinary comment stays with the statement it describes
    threading.Thread(target=print, args=(a,)).start()
# case: targets=start,start_documented,start_commented
