# A store through a property setter on a module-level instance (R7-7).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class _Config:
    @property
    def scheduler(self):
        return None

    @scheduler.setter
    def scheduler(self, value):
        os.environ.setdefault("THOR_SCHEDULER_MODE", value)


config = _Config()
config.scheduler = "legacy"


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
