# The analysed module itself writes the mode variable at import time (the EV cases of review 4).
# expect: start TG009 own_module.py (imported with own_module) writes the environment variable THOR_SCHEDULER_MODE at import time, line 9
import os
import threading

from os import environ

environ.setdefault("OTHER", "1")
environ["THOR_SCHEDULER_MODE"] = environ.get("THOR_SCHEDULER_MODE", "legacy")


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
