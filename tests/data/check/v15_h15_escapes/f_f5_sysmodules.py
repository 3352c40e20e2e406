# expect: start TG009
import threading
import os
import sys

sys.modules["posixpath"].os.environ["THOR_SCHEDULER_MODE"] = "legacy"


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
