import logging
import os
import threading

logger = logging.getLogger(__name__)


class Overlay:
    def start(self, colour="red", alpha=0.5):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.debug(
                "Skipping legacy Overlay.start (heartbeat scheduler mode active)"
            )
            return
        for name, value in vars().items():
            if name != "self":
                setattr(self, name, value)
        threading.Thread(target=print).start()
# case: targets=Overlay.start
