# A path not known statically: TG009.
# expect: start TG009 runs at import time code the walk cannot read
import os
import runpy
import threading

if os.environ.get("WALK8_BOOT"):
    runpy.run_path(os.environ["WALK8_BOOT"])


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
