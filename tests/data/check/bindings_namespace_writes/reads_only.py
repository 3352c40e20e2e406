# Reads of namespaces, instances' __dict__, __import__, exec in a fresh namespace cannot rebind a module name.
# expect: start ok
import importlib
import os
import sys
import threading

if "os" in globals() and globals().get("os") is os and len(vars()) > 0:
    _NAMES = sorted(globals())
_LOADED = sys.modules.get("json")
_JSON = __import__("json")
_MOD = importlib.import_module("json")
_RESULT = {}
exec("x = 1", {}, _RESULT)
_VALUE = eval("1 + 1", {"__builtins__": {}})


class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)
        super().__setattr__("ready", True)

    def as_dict(self):
        return dict(self.__dict__)

    def describe(self):
        return "%(name)s" % self.__dict__


def loaded(name):
    return sys.modules[name] if name in sys.modules else None


def scope_names():
    return list(vars())


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
