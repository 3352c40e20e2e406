# The `else` block of `if TYPE_CHECKING:` runs: its import is walked.
# expect: start TG009 settings.py
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass
else:
    import settings


def start(config: settings | None = None):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

