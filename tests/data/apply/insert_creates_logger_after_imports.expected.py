import logging
import os
import threading
from collections import deque

QUEUE = deque()


class Capture:
    def start(self):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logging.getLogger(__name__).debug(
                "Skipping legacy Capture.start (heartbeat scheduler mode active)"
            )
            return
        threading.Thread(target=QUEUE.popleft).start()

    def stop(self):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logging.getLogger(__name__).debug(
                "Skipping legacy Capture.stop (heartbeat scheduler mode active)"
            )
            return
        QUEUE.clear()
# case: targets=Capture.start,Capture.stop
