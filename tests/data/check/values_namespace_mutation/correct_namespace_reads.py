# namespace reads that cannot change a constant: membership, keys, len, other literal keys, read-only uses of the item
# expect: start ok
import os
import sys
import threading

HB_VALUES = ["heartbeat"]

class Cfg:
    HB_VALUES = ["heartbeat"]

LOADED = "HB_VALUES" in globals()
NAMES = sorted(vars(Cfg))
COUNT = len(globals())
OTHER = globals()["__name__"]
TEXT = getattr(Cfg, "__doc__")
SAME = "heartbeat" in globals()["HB_VALUES"]
FIRST = vars(Cfg).get("HB_VALUES")[0]
for _key in list(globals().keys()):
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_VALUES:
        return
    threading.Thread(target=print).start()
