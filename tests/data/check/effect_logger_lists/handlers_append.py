# R4-16: a duck-typed handler appended to the logger's list in place (no addHandler).
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


logger.handlers.append(_Relay())


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("skip")
        return
    threading.Thread(target=print).start()
