# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 for _mod in (os,):
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


for _mod in (os,):
    _mod.environ["THOR_SCHEDULER_MODE"] = "legacy"
