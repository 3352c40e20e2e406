# R5-1 MC6: a function's __globals__ is the module namespace (also inside a function)
# expect: start TG009 reads a namespace
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

def _later():
    _later.__globals__["HB_VALUES"].clear()


_later()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_VALUES:
        return
    threading.Thread(target=print).start()
