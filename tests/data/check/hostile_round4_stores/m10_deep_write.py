# R4-10, sharpened: a module handed to a module function that writes through an attribute of its parameter.
# expect: start TG009 a module looked up at run time passed to a call
import os
import sys
import threading
from importlib import import_module


def heartbeat_owns_work():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()


def _describe(module):
    return module.__name__, module.heartbeat_owns_work


def _deep(target):
    target.heartbeat_owns_work.__code__ = (lambda: False).__code__


_describe(sys.modules[__name__])
print(os.path.dirname(sys.modules[__name__].__file__))
_deep(import_module(__name__))
