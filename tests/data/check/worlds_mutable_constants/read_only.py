# Read-only uses keep a flat list/set/dict constant exact: membership, len(), iteration, element reads,
# non-mutating methods. Immutable constants need no census at all. A mutating call before the guard is TG002.
# expect: start ok
# expect: start_tuple ok
# expect: start_dict ok
# expect: start_update_constant TG002 LIMITS.update(x=1)
import os
import threading

HB = ["heartbeat"]
HB_TUPLE = ("heartbeat",)
MODES = {"heartbeat": True, "legacy": False}
LIMITS = {"feed": 10}
COUNT = len(HB)
for _value in HB:  # a loop over it, and HB.count() in a function, only read it
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB and HB[0] == "heartbeat" and len(HB) == 1:
        return
    threading.Thread(target=print).start()


def start_tuple():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB_TUPLE:
        return
    threading.Thread(target=print).start()


def start_dict():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if MODES["heartbeat"] and mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_update_constant():
    LIMITS.update(x=1)
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def _count():
    return HB.count("heartbeat") + len(MODES.get("x", ""))
