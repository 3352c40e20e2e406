# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 builtins.setattr(os
import builtins
import os
import threading


def start():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


builtins.setattr(os, "getenv", lambda name, default=None: "legacy")
