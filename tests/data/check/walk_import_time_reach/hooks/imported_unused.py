# Precision: importing the module that defines the hooks runs none of them.
# expect: start ok
import os
import threading

from . import boot  # noqa: F401
from .envdefaults import EnvDefaults  # noqa: F401


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
