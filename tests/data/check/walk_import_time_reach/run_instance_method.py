# A module-level instance's method called at import time, and a method the constructor calls on self.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

class _Boot:
    def __init__(self):
        self.ready = False

    def apply(self):
        self._write()

    def _write(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


_boot = _Boot()
_boot.apply()


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
