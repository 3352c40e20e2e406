# A logger imported from a module that adds a handler is not a known logger either.
# expect: start TG002 logger.info
import os
import threading

from handler import logger


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    threading.Thread(target=print).start()
