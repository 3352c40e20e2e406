# Hostile J: the logger class is replaced before getLogger, so logger.debug runs project code.
# expect: start TG002 logger.debug("skip")
import logging
import os
import threading


class _L(logging.Logger):
    def debug(self, *args, **kwargs):
        threading.Thread(target=print).start()


logging.setLoggerClass(_L)
logger = logging.getLogger("hostile.j")


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skip")
        return
    threading.Thread(target=print).start()
