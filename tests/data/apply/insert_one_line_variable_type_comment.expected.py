import logging
import os
import threading
from typing import List

logger = logging.getLogger(__name__)


def start():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    threads = [threading.Thread(target=print)]  # type: List[threading.Thread]


def start_ignored():  # type: ignore[attr-defined]
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_ignored (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print).start()  # type: ignore[attr-defined]
# case: targets=start,start_ignored
