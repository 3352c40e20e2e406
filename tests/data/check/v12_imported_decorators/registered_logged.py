# A registration that logs the function's name (a string) does not call it at import time: the guard is proven.
# expect: start_registered_logged ok
import os
import threading

from decorators import register_logged


@register_logged
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_registered_logged():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
