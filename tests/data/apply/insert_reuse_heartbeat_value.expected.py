import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_in_loop():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_in_loop (heartbeat scheduler mode active)")
        return "skipped"
    for attempt in range(2):
        threading.Thread(target=print, args=(attempt,)).start()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("skip")
            return "skipped"
    return "ran"


def start_in_try() -> str:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_in_try (heartbeat scheduler mode active)")
        return "skipped"
    threading.Thread(target=print).start()
    try:
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode in ("heartbeat",):
            return "skipped"
        threading.Thread(target=print).start()
    finally:
        threading.Thread(target=print).start()
    return "ran"


def start_tuple() -> tuple[int, str]:
    if "heartbeat" == os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower():
        return (0, "skipped")
    threading.Thread(target=print).start()
    return (1, "ran")
# case: targets=start_*
