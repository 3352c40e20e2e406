import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    threading.Thread(target=print).start()


def start_late(self):
    self.prepare()
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
# case: select=TG002
