import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("heartbeat mode, but we carry on")
    threading.Thread(target=print).start()
# case: person=TG005
