# A list constant emptied in place at import time (hostile R4-1, A3): the literal is not its value any more.
# expect: start TG009 HB
import os
import threading

HB = ["heartbeat"]
HB.clear()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode in HB:
        return
    threading.Thread(target=print).start()
