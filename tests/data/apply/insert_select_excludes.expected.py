import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    threading.Thread(target=print).start()


def start_late(self):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    self.prepare()
    threading.Thread(target=print).start()
# case: select=TG002
