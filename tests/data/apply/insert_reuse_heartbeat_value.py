import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_in_loop():
    for attempt in range(2):
        threading.Thread(target=print, args=(attempt,)).start()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("skip")
            return "skipped"
    return "ran"


def start_in_try() -> str:
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
    threading.Thread(target=print).start()
    if "heartbeat" == os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower():
        return (0, "skipped")
    return (1, "ran")
# case: targets=start_*
