import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_disagreeing_checks(first=True):
    for attempt in range(2):
        threading.Thread(target=print, args=(attempt,)).start()
        if first:
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return "skipped"
        elif os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return "not started"
    return "ran"


def start_computed_value() -> list[int]:
    for attempt in range(2):
        threading.Thread(target=print, args=(attempt,)).start()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return list(range(3))
    return []

# case: targets=start_*; person=TG002
