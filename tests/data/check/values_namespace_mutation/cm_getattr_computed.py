# getattr with a computed name may read any attribute
# expect: start TG009 getattr(Cfg, _name).clear()
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

for _name in dir(Cfg):
    if isinstance(getattr(Cfg, _name), list):
        getattr(Cfg, _name).clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in Cfg.HB_VALUES:
        return
    threading.Thread(target=print).start()
