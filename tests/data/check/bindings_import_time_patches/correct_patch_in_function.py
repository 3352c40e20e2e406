# A module imported with this one patches other modules only inside a function: nothing runs on import.
# expect: start ok
import os
import threading

import lib.lazy  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
