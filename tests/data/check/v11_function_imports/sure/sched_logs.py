import os

from sure import logs as logging

logger = logging.getLogger(__name__)


def heartbeat_owns_work() -> bool:
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
