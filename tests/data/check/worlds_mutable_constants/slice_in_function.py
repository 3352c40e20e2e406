# A slice store inside a function of the module that runs at import (B3): the name is bound once, the list changes.
# expect: start TG009 HB
import os
import threading

HB = ["heartbeat"]


def configure(values):
    HB[:] = values


configure(["legacy"])


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB:
        return
    threading.Thread(target=print).start()
