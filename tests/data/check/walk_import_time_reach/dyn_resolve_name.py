# pkgutil.resolve_name imports the module part (R5-16 IM5).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import importlib
import os
import threading

import pkgutil

pkgutil.resolve_name("envset:os")


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
