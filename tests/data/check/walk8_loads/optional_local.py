# A per-deployment module the checkout lacks (R7-8): unknown code, TG009 naming the import.
# expect: start TG009 imports 'walk8_local_settings' at import time, line 7, which resolves to no file
import os
import threading

try:
    import walk8_local_settings  # noqa: F401
except ImportError:
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
