# A8-3: an in-place change of another module's constant list at import time, in a module the walk reads.
# expect: start TG009 patches 'w9_consts.HEARTBEAT_MODES'
import os
import threading

import w9_extend_modes_from  # noqa: F401
from w9_consts import HEARTBEAT_MODES


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HEARTBEAT_MODES:
        return
    threading.Thread(target=print).start()
