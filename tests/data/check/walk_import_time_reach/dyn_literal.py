# importlib.import_module with a literal at module level imports envset (R5-16 IM1).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import importlib
import os
import threading

importlib.import_module("envset")


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
