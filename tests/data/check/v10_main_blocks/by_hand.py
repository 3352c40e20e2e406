# `if __name__ == "__main__":` never runs when the module is imported, which is how the entry point is reached
# (review 9, FA9-4): logging set-up, sys.path edits and setting the mode to run the poller by hand there are not
# import-time code. Its `else:` branch is, and a test written otherwise (`!=`) is judged as any test.
# expect: start ok
import logging
import os
import sys
import threading

logger = logging.getLogger(__name__)


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logger.info("the heartbeat owns periodic work")
        return
    threading.Thread(target=print).start()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
    start()
