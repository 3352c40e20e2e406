import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    # heartbeat check
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    threading.Thread(target=print).start()
    # threading.Thread(target=input).start()  -- disabled until the feed is fixed (JIRA-42)

    threading.Thread(target=print).start()


def start_only_adjacent():
    # heartbeat check: only the comment right above the guard moves with it
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    threading.Thread(target=print).start()

    threading.Thread(target=print).start()
# case: targets=start*
