# A package's __init__ has __path__ too (review AR3-22).
# expect: start_path ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_path():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip %s", __path__)
        return
    threading.Thread(target=print).start()
