# A module imported with this one writes the mode variable through os reached by reflection (R6-22, EW5).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import boot_vars  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
