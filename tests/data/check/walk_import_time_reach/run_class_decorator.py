# A decorator factory's inner function runs when applied to a class.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

def _registered(name):
    def apply(cls):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return cls
    return apply


@_registered("feeds")
class _Feeds:
    pass


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
