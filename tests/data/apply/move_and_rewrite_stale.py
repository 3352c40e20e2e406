import logging
import os
import threading

logger = logging.getLogger(__name__)


def start(self):
    self.prepare()
    if os.getenv("HEARTBEAT_ENABLED", "").lower() in {"1", "true", "yes"}:
        logger.info("HEARTBEAT_ENABLED set; skipping")
        return
    threading.Thread(target=print).start()
