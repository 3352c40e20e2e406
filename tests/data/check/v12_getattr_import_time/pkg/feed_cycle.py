# Hostile review 11: the imported name is bound only after __getattr__ is defined (an import cycle reads it in between), so the module's
# PEP 562 __getattr__ serves the import and writes the mode variable before the guard reads it.
# expect: start_cycle TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import pkg.a_cycle  # noqa: F401


def start_cycle():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
