# R5-13: a module of the walk changes what a known logger's call runs.
# expect: start TG009 patches 'logging'
import os
import threading

import logging

import lc_get_logger_patch
logger = logging.getLogger(__name__)

def _run():
    pass


def start():
    logger.debug("start requested")
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
