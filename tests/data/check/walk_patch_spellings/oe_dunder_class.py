# R5-14: a standard-library class the guard's read depends on is patched by a module of the walk.
# expect: start TG009 patches '*'
import os
import threading

import oe_dunder_class_patch


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
