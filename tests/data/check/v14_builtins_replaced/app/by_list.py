# The registration stores into list(), which app.list_hook made call what it stores: boot() runs at import time.
# expect: start TG009 replaces a built-in
import os
import threading

import app.list_hook

REGISTRY = list()


def register(function):
    REGISTRY.append(function)
    return function


@register
def boot():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
