# R4-10: the module found by a generator over sys.modules, passed to a patching function.
# expect: start TG009 a module looked up at run time passed to a call
import os
import threading


def _run():
    pass


import sys


def heartbeat_owns_work():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=_run).start()


import types


def _patch(target):
    target.heartbeat_owns_work = lambda: False


_patch(next(m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType) and m.__name__ == __name__))
