# expect: start TG009
import threading
import os
import os.path


def _configure(m):
    m.os.environ["THOR_SCHEDULER_MODE"] = "legacy"


_configure(os.path)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
