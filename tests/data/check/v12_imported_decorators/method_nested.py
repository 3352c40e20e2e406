# A method of a nested class cannot be named back: its body is followed as one that may run.
# expect: start_nested TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decorators import run_now


class Outer:
    class Defaults:
        @run_now
        def apply():
            os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_nested():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
