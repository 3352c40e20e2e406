import logging
import os
import threading

logger = logging.getLogger(__name__)


def go():
    threading.Thread(target=print).start()
    return "x"


def start_same_line():
    """Doc on the same line as code."""
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_same_line (heartbeat scheduler mode active)"
        )
        return
    go()


def start_one_line():
    """Doc in a one-line def."""
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_one_line (heartbeat scheduler mode active)")
        return
    go()


def start_fstring():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_fstring (heartbeat scheduler mode active)")
        return
    "a" f"{go()}"
    go()


def start_bytes():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_bytes (heartbeat scheduler mode active)")
        return
    b"not a docstring"
    go()
# case: targets=start_*
