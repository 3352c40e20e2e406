import logging
import threading
from os import environ

logger = logging.getLogger(__name__)


def start():
    scheduler_mode = environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print, name=environ.get("NAME", "x")).start()
