# R4-16: a filter callable appended to the logger's filters in place.
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


logger.filters.append(_relay)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("skip")
        return
    threading.Thread(target=print).start()
