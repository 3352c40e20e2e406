import logging
import os
import threading

logger = logging.getLogger(__name__)


def start() -> bool:
    # Guard against double scheduling.
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.info("heartbeat owns scheduling")
        return False
    threading.Thread(target=print).start()
    return True
