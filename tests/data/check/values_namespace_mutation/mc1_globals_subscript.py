# R5-1 MC1: the module namespace's item is the same list
# expect: start TG009 globals()["HB_VALUES"].clear()
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

globals()["HB_VALUES"].clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_VALUES:
        return
    threading.Thread(target=print).start()
