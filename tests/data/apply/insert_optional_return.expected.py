from __future__ import annotations

import logging
import os
import threading
from typing import Optional

_logger = logging.getLogger(__name__)


def start_worker() -> Optional[threading.Thread]:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        _logger.debug("Skipping legacy start_worker (heartbeat scheduler mode active)")
        return None
    thread = threading.Thread(target=print)
    thread.start()
    return thread


def start_other() -> threading.Thread | None:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        _logger.debug("Skipping legacy start_other (heartbeat scheduler mode active)")
        return None
    thread = threading.Thread(target=print)
    thread.start()
    return thread


def start_plain() -> None:
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        _logger.debug("Skipping legacy start_plain (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print).start()
