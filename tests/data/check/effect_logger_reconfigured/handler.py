# Hostile L: a module-level handler whose emit starts a thread.
# expect: start TG002 logger.debug("skip")
import logging
import os
import threading


class _H(logging.Handler):
    def emit(self, record):
        threading.Thread(target=print).start()


logger = logging.getLogger(__name__)
logger.addHandler(_H())
logger.setLevel(logging.DEBUG)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skip")
        return
    threading.Thread(target=print).start()
