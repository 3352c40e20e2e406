# A TYPE_CHECKING imported from a project module is not typing's: the block runs.
# expect: start TG009 settings.py
from __future__ import annotations

import os
import threading

from localtyping import TYPE_CHECKING

if TYPE_CHECKING:
    import settings


def start(config: settings | None = None):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

