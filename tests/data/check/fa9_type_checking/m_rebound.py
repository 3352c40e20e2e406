# TYPE_CHECKING rebound in the module (to True): the block runs.
# expect: start TG009 settings.py
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

TYPE_CHECKING = True  # noqa: F811
if TYPE_CHECKING:
    import settings


def start(config: settings | None = None):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

