# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 sys.modules[
import sys
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


sys.modules["".join(["o", "s"])].environ["THOR_SCHEDULER_MODE"] = "legacy"
