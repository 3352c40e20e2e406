# R8-8: os.environ reached through a computed getattr, __self__ or __globals__, written at import time.
# expect: start TG009 writes
import os
import threading

import w9_env_spelling2  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
