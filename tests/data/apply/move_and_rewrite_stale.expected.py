import logging
import os
import threading

logger = logging.getLogger(__name__)


def start(self):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.info("HEARTBEAT_ENABLED set; skipping")
        return
    self.prepare()
    threading.Thread(target=print).start()
