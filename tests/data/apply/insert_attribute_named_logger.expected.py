import logging
import os
import threading


class Service:
    def __init__(self, log):
        self.logger = log

    def start(self):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logging.getLogger(__name__).debug(
                "Skipping legacy Service.start (heartbeat scheduler mode active)"
            )
            return
        self.logger.info("starting")
        threading.Thread(target=print).start()
# case: targets=Service.start
