# The constant lives in another module, which mutates it (B4); an unmutated one there is read exactly — unless this
# module changes it (second function).
# expect: start TG009 HB
# expect: start_safe ok
# expect: start_changed_here TG009 LOCAL_HB
import os
import threading

import consts
from consts import SAFE
from consts import SAFE2 as LOCAL_HB


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in consts.HB:
        return
    threading.Thread(target=print).start()


def start_safe():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in SAFE:
        return
    threading.Thread(target=print).start()


def start_changed_here():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in LOCAL_HB:
        return
    threading.Thread(target=print).start()


def _reconfigure():
    LOCAL_HB.append("legacy")
