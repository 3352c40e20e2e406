# A plugin loop over a literal tuple (R5-16 IM3).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import importlib
import os
import threading

for _plugin in ("harmless", "env" + "set"):
    importlib.import_module(_plugin)


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
