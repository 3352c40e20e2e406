# HOSTILE-1: a method patched on an imported class runs inside os.environ.get.
# expect: start TG009 an attribute store on an imported module or object
import os
from collections.abc import Mapping

_orig = Mapping.get


def _evil(self, *a):
    return _orig(self, *a)


Mapping.get = _evil


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    print("body")
