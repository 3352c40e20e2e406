# A sys.path edit does not change os (imported at interpreter start-up): a guard on os.environ alone stays proven.
# expect: start ok
import os
import threading

import paths_insert  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
