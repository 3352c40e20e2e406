# A decorator imported from another module applied to a method of a module-level class: the method is named back to
# the decorator's module (m.Class.method) instead of its body being followed unconditionally. This decorator calls
# what it receives at import time, so the method's environment write runs before the guard's read.
# expect: start_method TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decorators import run_now


class Defaults:
    @run_now
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_method():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
