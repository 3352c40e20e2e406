# A registration does not call the function at import time: the guard is proven.
# expect: start_registered ok
import os
import threading

from decorators import register


@register
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_registered():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
