import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():  # one line
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print).start()


class Svc:
    def start(self):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug("Skipping legacy Svc.start (heartbeat scheduler mode active)")
            return
        threading.Timer(1.0, print).start(); self.started = True
