# A module imported with this one stores on os in a signature or body: a def's default argument runs on import.
# expect: start TG009 patches 'os' at line 4
import os
import threading

import lib.defaults  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
