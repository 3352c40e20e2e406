# A plain module logger (level set, annotated with logging.Logger) stays a known logger.
# expect: start ok
import logging
import os
import threading

logger: logging.Logger = logging.getLogger(__name__)
logger.setLevel(logging.INFO)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skipping %s", os.environ.get("FEED", ""))
        return
    threading.Thread(target=print).start()
