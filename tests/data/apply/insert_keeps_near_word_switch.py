import logging
import os
import threading

logger = logging.getLogger(__name__)


def start():
    # Another variable one letter away from the mode variable: a setting of its own, not a typo.
    if not os.environ.get("THOR_SCHEDULER_NODE"):
        logger.info("this host is not the scheduler node")
        return
    threading.Thread(target=print).start()


def start_typo():
    if os.environ.get("THOR_SCHEDULER_MDOE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
# case: targets=start,start_typo
