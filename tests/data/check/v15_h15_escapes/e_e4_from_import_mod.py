# expect: start TG009
import threading
import os
from os import path as _p


def _configure(m):
    m.os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


_configure(_p)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
