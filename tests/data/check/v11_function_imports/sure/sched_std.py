import logging
import os
from typing import Optional

logger = logging.getLogger(__name__)
LIMIT: Optional[int] = None
NAMES: "list[str]" = []


def heartbeat_owns_work(default: str = "heartbeat", limit: int | None = None, names: list[str] | None = None) -> dict[str, int] | bool:
    return os.environ.get("THOR_SCHEDULER_MODE", default).lower() == "heartbeat"
