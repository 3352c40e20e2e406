# R9-8: the star import sits in a module the guard's module imports.
# expect: start TG009 imports at import time a module whose name is not known statically
import os
import threading

import w12_star_helper  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
