# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 sys.modules.items()
import sys
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


_m = [m for n, m in list(sys.modules.items()) if n == "os"][0]
_m.environ["THOR_SCHEDULER_MODE"] = "legacy"
