# __import__ with a literal (R5-16 IM2).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import importlib
import os
import threading

__import__("envset")


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
