# R8-7: a name the package binds itself is not served by its __getattr__: nothing runs.
# expect: start ok
import os
import threading

from w9_lazy import BOUND  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
