import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE")
    if mode == "heartbeat":
        logger.info("skip")
        return
    threading.Thread(target=print).start()
