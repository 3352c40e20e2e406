import logging
import threading

logger = logging.getLogger(__name__)


class Service:
    def start(self):
        """Docstring first."""
        import os
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug(
                "Skipping legacy Service.start (heartbeat scheduler mode active)"
            )
            return
        threading.Thread(target=print, name=os.getcwd()).start()
# case: targets=Service.start
