# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 (_o := os)
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


(_o := os).environ["THOR_SCHEDULER_MODE"] = "legacy"
