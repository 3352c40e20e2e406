# The root logger's handlers replaced by slice assignment (records propagate to it).
# expect: start TG002 logger.warning("skip")
import logging
import os
import threading

logger = logging.getLogger(__name__)


class _Relay:
    level = 0

    def handle(self, record):
        threading.Thread(target=print).start()


def _relay(record):
    threading.Thread(target=print).start()
    return True


logging.root.handlers[:] = [_Relay()]


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("skip")
        return
    threading.Thread(target=print).start()
