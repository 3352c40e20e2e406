import logging
import os
import threading

logger = logging.getLogger(__name__)


def start(self):
    self.mark_started()
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        self.skipped = True
        return
    threading.Thread(target=print).start()
# case: person=TG002
