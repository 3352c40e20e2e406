# R8-4: a function a package re-exports with a star import.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import w9_star_package  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
