import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "heartbeat":
        return
    threading.Thread(target=print).start()
# case: person=TG006
