# A package that binds X before defining __getattr__, and never deletes it: `from okpkg import X` finds X in the
# namespace and the __getattr__ never runs; the guard is proven.
# expect: start_ok ok
import os
import threading

from okpkg import X  # noqa: F401


def start_ok():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
