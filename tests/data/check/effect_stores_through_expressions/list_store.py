# Hostile RB5/RB6: the stored-on object is computed (a list element, a conditional expression).
# expect: start TG009 at line 11
import os
import threading


def _evil(*args):
    threading.Thread(target=print).start()


[e for e in [os.environ]][0].get = _evil


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
