# A function of another module applied as a decorator, reached through a re-export.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

from .reexport import setup


@setup
def _other():
    pass


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
