import logging
import os
import threading

logger = logging.getLogger(__name__)
_thread = None


def start():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logging.getLogger(__name__).debug(
            "Skipping legacy start (heartbeat scheduler mode active)"
        )
        return
    global logger, _thread
    _thread = threading.Thread(target=print)
    _thread.start()
# case: targets=start
