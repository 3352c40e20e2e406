# Review 9, R9-13 remainder: a decorator imported from a flat-layout top-level module calls the function it decorates
# at import time; the function sets the mode variable, so the guard's read is not proven.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decorators import run_now


@run_now
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
