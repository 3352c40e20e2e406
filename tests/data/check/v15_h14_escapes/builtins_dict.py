# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 __builtins__["setattr"]
import os
import threading


def start():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


__builtins__["setattr"](os, "getenv", lambda name, default=None: "legacy")
