# A profile hook installed by an imported module runs on the call of start (R7-3 family).
# expect: start TG009 installs a hook at import time
import os
import threading

import walk8_tracing  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
