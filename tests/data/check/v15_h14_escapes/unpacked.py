# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 *_, _o = (1, os)
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


*_, _o = (1, os)
_o.environ["THOR_SCHEDULER_MODE"] = "legacy"
