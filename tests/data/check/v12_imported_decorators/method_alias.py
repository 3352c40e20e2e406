# Hostile review 11: 'run_alias' calls the function it receives through an alias; the method's environment
# write runs at import time, before the guard's read.
# expect: start_alias TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decorators import run_alias


class Defaults:
    @run_alias
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_alias():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
