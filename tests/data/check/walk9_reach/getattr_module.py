# R8-5: getattr(import_module(m), 'f')() runs m.f.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import w9_getattr_module  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
