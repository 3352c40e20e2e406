# The same layout with a package __init__ that only reads its submodule: proven.
# expect: start ok
import os
import threading


def heartbeat_owns_work():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
