import logging
import os

logger = logging.getLogger(__name__)


def start():  # c
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    print(1);


def other():  # d
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy other (heartbeat scheduler mode active)")
        return
    print(2)
# case: targets=start,other
