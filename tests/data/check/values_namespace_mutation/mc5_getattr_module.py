# R5-1 MC5: getattr by name on the module object
# expect: start TG009 getattr(sys.modules[__name__], "HB_VALUES").clear()
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

getattr(sys.modules[__name__], "HB_VALUES").clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_VALUES:
        return
    threading.Thread(target=print).start()
