# A comprehension over a module constant holding the plugin names (R5-16 IM4), f-string spelled.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import importlib
import os
import threading

PLUGINS = ["harmless", "envset"]
_loaded = [importlib.import_module(f"{p}") for p in PLUGINS]


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
