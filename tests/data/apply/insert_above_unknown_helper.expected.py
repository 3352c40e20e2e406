import logging
import os
import threading

from somewhere_else import mode_is_heartbeat

logger = logging.getLogger(__name__)


def start():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    if mode_is_heartbeat():
        return
    threading.Thread(target=print).start()
# An unknown helper is not the scheduler mode: its check stays and the canonical guard goes above it.
# case: targets=start
