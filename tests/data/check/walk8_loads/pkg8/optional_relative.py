# The same through a relative import in a package (R7-8).
# expect: start TG009 resolves to no file
import os
import threading

try:
    from .walk8_missing import settings  # noqa: F401
except ImportError:
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
