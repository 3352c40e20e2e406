# A8-1: a decorator factory of another module applied at module level: its returned function surely runs.
# expect: start TG009 imports at import time a module whose name is not known statically
import os
import threading

import w9_factory_other  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
