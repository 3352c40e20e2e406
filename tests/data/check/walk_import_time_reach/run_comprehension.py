# A function called through a comprehension over a tuple of functions (R5-3 EW5).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

def _configure():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


_ = [f() for f in (_configure,)]


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
