# A class of another module instantiated at import time.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

from . import boot

_plugin = boot.Plugin()


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
