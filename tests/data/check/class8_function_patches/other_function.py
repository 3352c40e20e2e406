# A store on another function of the module, named by its own proven binding (also the module function that has
# the method's name), does not touch the entry point.
# expect: Feed.start ok
import os
import threading


def _run():
    pass


def _helper():
    return 1


def start():
    return 2


_helper.__code__ = start.__code__
start.__code__ = _helper.__code__


class Feed:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
