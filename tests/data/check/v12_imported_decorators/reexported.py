# expect: start_reexported TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from decopkg.hooks import call_at_import


@call_at_import
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_reexported():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
