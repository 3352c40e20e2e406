# R8-7: `from pkg import name` where the package serves name through a PEP 562 __getattr__ runs it at import time.
# expect: start TG009 imports at import time a module whose name is not known statically
import os
import threading

from w9_lazy import defaults  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
