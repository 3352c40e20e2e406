# Hostile RB7: a module reached through a call is stored on.
# expect: other TG009 inspect.getmodule(inspect).os.getenv = _evil
import inspect
import os
import threading


def _evil(*args):
    threading.Thread(target=print).start()


inspect.getmodule(inspect).os.getenv = _evil


def other():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
