import logging
import os
import threading

logger = logging.getLogger(__name__)


def start() -> bool:
    # Guard against double scheduling.
    if os.environ.get("THOR_SCHEDULR_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("heartbeat owns scheduling")
        return False
    threading.Thread(target=print).start()
    return True
