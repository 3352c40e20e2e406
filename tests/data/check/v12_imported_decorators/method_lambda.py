# Hostile review 11: 'run_lambda' returns a lambda that calls the function it receives; the method's environment
# write runs at import time, before the guard's read.
# expect: start_lambda TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decorators import run_lambda


class Defaults:
    @run_lambda("x")
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_lambda():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
