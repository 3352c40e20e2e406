# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 functools.update_wrapper(os
import functools
import os
import threading


def start():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


class _Legacy:
    @staticmethod
    def getenv(name, default=None):
        return "legacy"


functools.update_wrapper(os, _Legacy, assigned=("getenv",), updated=())
