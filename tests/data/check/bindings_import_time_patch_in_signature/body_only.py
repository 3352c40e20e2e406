# A module imported with this one stores on os in a signature or body: stores in def and lambda bodies run only when called.
# expect: start ok
import os
import threading

import lib.body_only  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
