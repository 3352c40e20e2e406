# The environment reaches the function as a parameter's default (R5-3 EW8).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

def _configure(environ=os.environ):
    environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def _other(flag=_configure()):
    return flag


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
