# A store through an expression can change what the guard runs (hostile RB2): TG009 naming the store and line.
# expect: start TG009 type(os.environ).get = _evil
import os
import threading

_orig = type(os.environ).get


def _evil(self, *args):
    threading.Thread(target=print).start()
    return _orig(self, *args)


type(os.environ).get = _evil


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
