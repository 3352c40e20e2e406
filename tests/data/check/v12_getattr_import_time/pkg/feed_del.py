# Hostile review 11: the imported name is bound, then deleted, so the module's
# PEP 562 __getattr__ serves the import and writes the mode variable before the guard reads it.
# expect: start_del TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from pkg.a_del import X  # noqa: F401


def start_del():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
