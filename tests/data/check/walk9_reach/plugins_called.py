# A8-1: a loader of another module called by name at module level surely runs: its computed import is unknown.
# expect: start TG009 imports at import time a module whose name is not known statically
import os
import threading

import w9_plugins_called  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
