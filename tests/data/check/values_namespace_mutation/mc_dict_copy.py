# dict() of a namespace copies its values out
# expect: start TG009 dict(globals())["HB_VALUES"].clear()
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

dict(globals())["HB_VALUES"].clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_VALUES:
        return
    threading.Thread(target=print).start()
