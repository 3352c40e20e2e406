# R8-5: a module held in a local of a followed function by import_module, then its function called.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import w9_import_module_local  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
