# expect: start TG009
import threading
import os
import logging


def _configure(m):
    m.os.environ["THOR_SCHEDULER_MODE"] = "legacy"


_configure(logging)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
