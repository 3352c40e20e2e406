# `for _ in C():` runs C.__iter__ (R7-7).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class _Defaults:
    def __iter__(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return iter(())


for _key in _Defaults():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
