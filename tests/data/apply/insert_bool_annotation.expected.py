import logging
import os
import threading

log = logging.getLogger("thor.services")


def start_capture(symbols) -> bool:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        log.debug("Skipping legacy start_capture (heartbeat scheduler mode active)")
        return False
    if not symbols:
        return False
    threading.Thread(target=print).start()
    return True
