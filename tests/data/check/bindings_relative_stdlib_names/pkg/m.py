# `from . import os` / `from . import logging` import the package's own modules, not the standard library's.
# expect: start TG001
# expect: logs TG002
# expect: correct ok
import os as _os
import threading

from . import logging, os

logger = logging.getLogger(__name__)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def logs():
    if _os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skip")
        return
    threading.Thread(target=print).start()


def correct():
    if _os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
