import logging
import os as _os
import threading

logger = logging.getLogger(__name__)


def start(os):
    scheduler_mode = _os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print, name=os).start()
# case: targets=start
