# A module handed to a function that only reads it, and its __file__ passed on: no write, proven.
# expect: start ok
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
