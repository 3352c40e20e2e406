# expect: start TG009 functools.update_wrapper() on a module-level function
import functools
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def _unguarded():
    threading.Thread(target=print).start()


functools.update_wrapper(start, _unguarded, assigned=("__code__",), updated=())
