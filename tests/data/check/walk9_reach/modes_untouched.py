# A8-3: the constant list read by the guard, changed by nothing: accepted.
# expect: start ok
import os
import threading

from w9_consts import HEARTBEAT_MODES


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HEARTBEAT_MODES:
        return
    threading.Thread(target=print).start()
