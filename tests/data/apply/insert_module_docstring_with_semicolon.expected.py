"""Module doc."""; import threading
import logging
import os


def start():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logging.getLogger(__name__).debug(
            "Skipping legacy start (heartbeat scheduler mode active)"
        )
        return
    threading.Thread(target=print).start()
# case: targets=start
