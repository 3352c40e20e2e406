# A module imported with this one writes the mode variable through a local alias in a function called at import time (R6-22, EW2).
# expect: start TG009 writes environment variables
import os
import threading

import boot_alias  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
