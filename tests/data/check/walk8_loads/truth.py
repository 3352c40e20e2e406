# `if C():` runs __bool__ (R7-7).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class _Flag:
    def __bool__(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return True


if _Flag():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
