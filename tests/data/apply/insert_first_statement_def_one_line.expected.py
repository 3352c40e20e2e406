import logging
import os

def start():  # c
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logging.getLogger(__name__).debug(
            "Skipping legacy start (heartbeat scheduler mode active)"
        )
        return
    print(1);


def other():  # d
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logging.getLogger(__name__).debug(
            "Skipping legacy other (heartbeat scheduler mode active)"
        )
        return
    print(2)
# case: targets=start,other
