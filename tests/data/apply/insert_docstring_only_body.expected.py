import logging
import os

logger = logging.getLogger(__name__)


def start():
    """Nothing to do yet, but the manifest lists it."""


def start_and_log():
    """Logs only."""
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_and_log (heartbeat scheduler mode active)")
        return
    print("legacy start")
