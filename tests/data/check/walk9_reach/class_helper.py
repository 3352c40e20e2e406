# R8-12: a helper defined in a class body and called there runs at import time.
# expect: start TG009 writes environment variables not known statically
import os
import threading

import w9_class_helper  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
