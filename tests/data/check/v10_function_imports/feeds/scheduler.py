"""The mode helper: inert top-level code (imports, a logger, literals, a def)."""
import logging
import os

logger = logging.getLogger(__name__)
VARIABLE = "THOR_SCHEDULER_MODE"
__all__ = ["heartbeat_owns_work"]


def heartbeat_owns_work(default: str = "heartbeat") -> bool:
    return os.environ.get("THOR_SCHEDULER_MODE", default).lower() == "heartbeat"
