# The registration stores into dict(), which app.dict_hook made call what it stores: boot() runs at import time.
# expect: start TG009 replaces a built-in
import os
import threading

import app.dict_hook

REGISTRY = dict()


def register(function):
    REGISTRY[function.__name__] = function
    return function


@register
def boot():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
