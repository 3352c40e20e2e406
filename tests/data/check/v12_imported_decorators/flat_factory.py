# expect: start_factory TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decorators import run_with


@run_with("defaults")
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_factory():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
