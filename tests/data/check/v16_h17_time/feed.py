# Hostile review 17: a log call runs a patched time.time, though the guard never names time.
# expect: start TG002 the log call calls into time, which clockfix.py changes at import time
# expect: start_ok ok
import logging
import os
import threading

import clockfix  # noqa: F401

logger = logging.getLogger(__name__)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("heartbeat owns the work")
        return
    threading.Thread(target=print).start()


def start_ok():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
