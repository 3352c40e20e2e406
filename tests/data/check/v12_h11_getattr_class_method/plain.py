# The control: a module that imports nothing that runs at import time; its guard is proven.
# expect: start_plain ok
import os
import threading


def start_plain():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
