# A function passed to map() at import time.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

def _configure(_):
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


list(map(_configure, [1]))


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
