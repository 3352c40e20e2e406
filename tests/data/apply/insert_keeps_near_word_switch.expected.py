import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    # Another variable one letter away from the mode variable: a setting of its own, not a typo.
    if not os.environ.get("THOR_SCHEDULER_NODE"):
        logger.info("this host is not the scheduler node")
        return
    threading.Thread(target=print).start()


def start_typo():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        return
    threading.Thread(target=print).start()
# case: targets=start,start_typo
