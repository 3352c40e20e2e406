# R5-12 CM4: a loop over the class namespace's values
# expect: start TG009 for _v in vars(Cfg).values():
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

for _v in vars(Cfg).values():
    if isinstance(_v, list):
        _v.clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in Cfg.HB_VALUES:
        return
    threading.Thread(target=print).start()
