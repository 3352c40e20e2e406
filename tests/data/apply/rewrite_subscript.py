import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    if os.environ["THOR_SCHEDULER_MODE"].lower() == "heartbeat":
        logger.info("skip")
        return
    threading.Thread(target=print).start()
