# Hostile review 11: 'run_partial' returns a functools.partial that calls the function it receives; the method's environment
# write runs at import time, before the guard's read.
# expect: start_partial TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decorators import run_partial


class Defaults:
    @run_partial("x")
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_partial():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
