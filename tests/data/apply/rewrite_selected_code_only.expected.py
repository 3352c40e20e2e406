import logging
import os

logger = logging.getLogger(__name__)


def start():
    print("late guard")
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        return
    print("body")
# case: select=TG004
