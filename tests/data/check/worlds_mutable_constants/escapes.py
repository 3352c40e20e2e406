# Uses that let other code change the list: an alias, an argument of a function, a nested list (whose element a
# read could change) — each makes the constant unknown.
# expect: start_alias TG009 HB
# expect: start_passed TG009 HB2
# expect: start_nested TG009 HB3
import os
import threading

HB = ["heartbeat"]
ALIAS = HB
ALIAS.clear()
HB2 = ["heartbeat"]
HB3 = (["heartbeat"],)


def _extend(values):
    values.append("legacy")


_extend(HB2)


def start_alias():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB:
        return
    threading.Thread(target=print).start()


def start_passed():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB2:
        return
    threading.Thread(target=print).start()


def start_nested():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB3[0]:
        return
    threading.Thread(target=print).start()
