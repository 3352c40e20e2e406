import logging
import os
import threading

LOGGER = logging.getLogger(__name__)


def start_capture(symbols):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        LOGGER.debug("Skipping legacy start_capture (heartbeat scheduler mode active)")
        return False
    if not symbols:
        return False
    threading.Thread(target=print).start()
    return True
