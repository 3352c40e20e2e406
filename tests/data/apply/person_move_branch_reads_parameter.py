import logging
import os
import threading

logger = logging.getLogger(__name__)


class Service:
    def start(self):
        self._thread = None
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("heartbeat owns the work; not starting")
            return self._thread
        self._thread = threading.Thread(target=print)
        self._thread.start()
        return self._thread

    def start_reset(self):
        self.reset()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("not starting %s", self.name)
            return
        threading.Thread(target=print).start()
# case: targets=Service.start,Service.start_reset; person=TG002
