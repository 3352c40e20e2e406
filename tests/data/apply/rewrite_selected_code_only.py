import logging
import os

logger = logging.getLogger(__name__)


def start():
    print("late guard")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat") == "heartbeat":
        return
    print("body")
# case: select=TG004
