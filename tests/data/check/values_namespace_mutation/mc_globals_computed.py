# a computed key may be any constant's name
# expect: start TG009 globals()[_name].clear()
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

for _name in ("HB_VALUES",):
    globals()[_name].clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_VALUES:
        return
    threading.Thread(target=print).start()
