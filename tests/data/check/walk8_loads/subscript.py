# `_ENV["x"]` on a module-level instance runs __getitem__ (R7-7).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class _Env:
    def __getitem__(self, key):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return key


_ENV = _Env()
_NAME = _ENV["x"]


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
