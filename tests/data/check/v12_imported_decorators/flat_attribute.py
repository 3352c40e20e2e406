# The same decorator named through its module, as a factory, and re-exported from a package module.
# expect: start_module TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import decorators


@decorators.run_now
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_module():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
