# The standard library's own finder appended to meta_path runs no project code; the guard reads only os.
# expect: start ok
import importlib.machinery
import os
import sys
import threading

sys.meta_path.append(importlib.machinery.PathFinder)


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
