# R4-20: type.__setattr__ on the entry point's class.
# expect: Feed.start TG009 __setattr__() on a module-level function or class
import os
import threading


def _run():
    pass


def _always_on(self):
    threading.Thread(target=_run).start()


class Feed:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


type.__setattr__(Feed, "start", _always_on)
