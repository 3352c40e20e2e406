# f"{C()}" runs __format__/__str__ (R7-7).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class _Name:
    def __str__(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return "x"


_LABEL = f"{_Name()}"


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
