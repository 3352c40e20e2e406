import logging
import threading

logger = logging.getLogger(__name__)


def start(self):
    self.prepare()
    import os
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logger.debug("skip")
        return
    threading.Thread(target=print, name=mode).start()
