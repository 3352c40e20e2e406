# A compiled extension beside a module of the import walk is what Python imports (R5-15 SO1).
# expect: start TG009 the compiled extension module ext/util.abi3.so beside ext/util.py
import os
import threading

from . import util  # noqa: F401


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
