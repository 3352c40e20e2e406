# A project module named like a standard-library module (io.py, logging.py at the source root): which one an import
# gives depends on sys.path and on what was imported first (io is imported at start-up: the real io.open runs).
# expect: start TG009 'io' is both a standard-library module and the project module
# expect: logs TG009 'logging' is both a standard-library module
# expect: correct ok
import io
import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return io.open("SENT", "a")
    threading.Thread(target=print).start()


def logs():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skip")
        return
    threading.Thread(target=print).start()


def correct():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
