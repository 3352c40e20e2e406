# R8-4: a star-imported function that writes nothing.
# expect: start ok
import os
import threading

import w9_star_pure  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
