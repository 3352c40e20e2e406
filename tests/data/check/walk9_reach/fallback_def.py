# R8-4: try-import with an except-ImportError fallback def: the imported function (what runs when the import succeeds) is followed.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import w9_fallback_def  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
