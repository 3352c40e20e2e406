# An import under `if TYPE_CHECKING:` (typing's constant) does not run: the bootstrap module's import-time write of
# the mode variable is not in the walk (FA8-7, review 8: TC1).
# expect: start ok
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import settings


def start(config: settings | None = None):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

