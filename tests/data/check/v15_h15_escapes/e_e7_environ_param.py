# expect: start TG009
import threading
import os


def _configure(env):
    env["THOR_SCHEDULER_MODE"] = "legacy"


_configure(os.path.os.environ)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
