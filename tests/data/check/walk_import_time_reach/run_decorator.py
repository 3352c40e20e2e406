# A project decorator applied at import time runs its body (R5-3 EW4).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

def _configure(func):
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
    return func


@_configure
def _other():
    pass


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
