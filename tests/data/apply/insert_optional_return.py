from __future__ import annotations

import logging
import threading
from typing import Optional

_logger = logging.getLogger(__name__)


def start_worker() -> Optional[threading.Thread]:
    thread = threading.Thread(target=print)
    thread.start()
    return thread


def start_other() -> threading.Thread | None:
    thread = threading.Thread(target=print)
    thread.start()
    return thread


def start_plain() -> None:
    threading.Thread(target=print).start()
