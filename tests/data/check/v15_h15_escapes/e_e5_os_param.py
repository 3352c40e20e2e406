# expect: start TG009
import threading
import os


def _configure(m):
    m.environ["THOR_SCHEDULER_MODE"] = "legacy"


_configure(os)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
