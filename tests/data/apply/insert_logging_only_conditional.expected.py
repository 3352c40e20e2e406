"""logging is bound only inside try/except and under TYPE_CHECKING: a logger created from it would not import."""
import logging as _logging
import os
import threading
from typing import TYPE_CHECKING

try:
    import logging
except ImportError:  # pragma: no cover
    logging = None

if TYPE_CHECKING:
    import logging


def start():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        _logging.getLogger(__name__).debug(
            "Skipping legacy start (heartbeat scheduler mode active)"
        )
        return
    threading.Thread(target=print).start()
# case: targets=start
