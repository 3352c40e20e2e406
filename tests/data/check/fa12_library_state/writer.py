import logging
import os

logger = logging.getLogger(__name__)
logger.propagate = False
os.environ["THOR_SCHEDULER_MODE"] = "legacy"


def is_hb():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
