# importlib.import_module handed to map over a literal tuple (R7-5): boot_env is imported.
# expect: start TG009 boot_env.py (imported with map_import) writes the environment variable THOR_SCHEDULER_MODE
import importlib
import os
import threading

_LOADED = list(map(importlib.import_module, ("boot_env",)))


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
