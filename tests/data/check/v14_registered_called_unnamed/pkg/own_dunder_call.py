# The module's own registration, then its own import-time code calls each stored function through a method of the
# loop variable (function.__call__()): boot runs at import time and sets the mode.
# expect: start TG009
import os
import threading

HOOKS = []


def hook(function):
    HOOKS.append(function)
    return function


@hook
def boot():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"


def fire(functions):
    for function in functions:
        function.__call__()


fire(HOOKS)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
