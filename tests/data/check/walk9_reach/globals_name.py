# R8-5: globals()[name]() with a known name runs that function of the module.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import w9_globals_name  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
