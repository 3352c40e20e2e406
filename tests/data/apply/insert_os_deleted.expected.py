import logging
import os
import os as _os
import threading

logger = logging.getLogger(__name__)
HOME = os.environ.get("HOME", "")
del os


def start():
    scheduler_mode = _os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print, name=HOME).start()
# 'os' is deleted after use, so the guard must use its own alias (import os as _os).
# case: targets=start
