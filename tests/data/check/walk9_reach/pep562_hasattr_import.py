# R9-8: hasattr(pkg, "x") at import time asks pkg's PEP 562 __getattr__ for x.
# expect: start TG009 imports at import time a module whose name is not known statically
import os
import threading

import w12_lazy

HAS_DEFAULTS = hasattr(w12_lazy, "defaults")


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
