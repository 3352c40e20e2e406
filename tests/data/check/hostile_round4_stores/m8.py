# R4-10: the module object passed to a function that stores on its parameter.
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


def _patch(target):
    target.heartbeat_owns_work = lambda: False


_patch(sys.modules[__name__])
