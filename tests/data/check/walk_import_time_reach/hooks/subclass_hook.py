# A base class in another module whose __init_subclass__ writes the environment (R5-3 EW9).
# expect: start TG009 environment variables not known statically
import os
import threading

from . import settings  # noqa: F401


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
