# R8-5: globals()[name]() with a name not known, in code that surely runs: unknown.
# expect: start TG009 runs at import time code the walk cannot read
import os
import threading

import w9_globals_unknown  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
