# A function of another module called at import time imports a module that writes the environment.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

from . import loader

loader.load()


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
