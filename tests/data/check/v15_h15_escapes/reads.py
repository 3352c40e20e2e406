# Module objects used where the census sees them: no finding.
# expect: start ok
import functools
import os
import sys
import threading
import types

SEPARATOR = getattr(os, "sep")
IS_MODULE = isinstance(sys, types.ModuleType)
HAS_JSON = "json" in sys.modules
LOADED = len(sys.modules)
JSON = sys.modules.get("json")
NAME = os.name
print(repr(os), sys.platform)


def _decorate(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)

    return functools.update_wrapper(wrapper, function)


@_decorate
def helper():
    return SEPARATOR


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
