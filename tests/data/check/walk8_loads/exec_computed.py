# exec of code computed at run time: not read, TG009.
# expect: start TG009 runs at import time code the walk cannot read
import os
import threading

_CODE = os.environ.get("WALK8_BOOT_CODE", "")
exec(_CODE, {})


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
