# Hostile review 16: logging calls into sys.modules["multiprocessing"] for every record.
# expect: start TG002 every log record calls into sys.modules['multiprocessing']
# expect: start_ok ok
import logging
import os
import threading

import multiprocessing

logger = logging.getLogger(__name__)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("legacy feed skipped")
        return
    threading.Thread(target=print).start()


def start_ok():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(multiprocessing.current_process,)).start()
