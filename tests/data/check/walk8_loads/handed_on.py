# An importing function handed on as a value, names not known: TG009.
# expect: start TG009 runs at import time code the walk cannot read
import functools
import importlib
import os
import threading

_LOAD = functools.partial(importlib.import_module)


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
