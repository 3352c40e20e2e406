# A module imported with this one stores on os in a signature or body: a decorator's argument runs on import.
# expect: start TG009 patches 'os' at line 8
import os
import threading

import lib.decorated  # noqa: F401


def start():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
