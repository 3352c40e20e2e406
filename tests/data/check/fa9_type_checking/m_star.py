# A star import after typing's TYPE_CHECKING may rebind it.
# expect: start TG009
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from localtyping import *  # noqa: F403

if TYPE_CHECKING:
    import settings


def start(config: settings | None = None):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

