import logging
import os

logger = logging.getLogger(__name__)
logger.info = print


def is_hb():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
