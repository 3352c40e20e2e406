# Hostile review 11: the imported name is bound only under a condition, so the module's
# PEP 562 __getattr__ serves the import and writes the mode variable before the guard reads it.
# expect: start_cond TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from pkg.a_cond import X  # noqa: F401


def start_cond():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
