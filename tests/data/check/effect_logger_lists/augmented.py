# Augmented assignment of the list.
# expect: start TG009 logger.handlers += [_Relay()]
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


logger.handlers += [_Relay()]


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("skip")
        return
    threading.Thread(target=print).start()
