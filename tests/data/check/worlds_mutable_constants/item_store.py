# An item store into the constant (B1) and a `del` of an item (B6).
# expect: start TG009 HB
import os
import threading

HB = ["heartbeat", "hb"]
HB[0] = "heartbeat-v2"
del HB[1]


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB:
        return
    threading.Thread(target=print).start()
