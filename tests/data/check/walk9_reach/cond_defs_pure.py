# R8-4: both conditional defs are followed; neither writes anything.
# expect: start ok
import os
import threading

import w9_cond_defs_pure  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
