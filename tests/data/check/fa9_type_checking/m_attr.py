# `typing.TYPE_CHECKING` spelled through the module, typing_extensions too.
# expect: start ok
from __future__ import annotations

import os
import threading
import typing

import typing_extensions

if typing.TYPE_CHECKING:
    import settings
if typing_extensions.TYPE_CHECKING:
    from settings import FEED_LIMIT  # noqa: F401


def start(config: settings | None = None):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()

