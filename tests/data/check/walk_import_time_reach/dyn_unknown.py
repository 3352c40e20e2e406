# The module name is computed at run time: what the import runs is not read, so nothing is proven.
# expect: start TG009 imports at import time a module whose name is not known statically, line 7
import importlib
import os
import threading

importlib.import_module(os.environ.get("PLUGIN", "harmless"))


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
