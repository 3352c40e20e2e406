# A8-1: a loader of another module only named (not called) at import time may run: assumption 15 (as for Django's import_string).
# expect: start ok
import os
import threading

import w9_plugins_named  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
