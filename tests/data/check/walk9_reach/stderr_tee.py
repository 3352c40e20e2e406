# R8-10: a module of the walk replaces sys.stderr: a warning logged with no handler runs its write().
# expect: start TG002 logger.warning("feed starter skipped
import logging
import os
import threading

import w9_tee  # noqa: F401

logger = logging.getLogger(__name__)


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logger.warning("feed starter skipped: the heartbeat owns periodic work")
        return
    threading.Thread(target=print).start()
