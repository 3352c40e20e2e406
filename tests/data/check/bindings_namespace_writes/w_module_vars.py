# vars() at module level is the module namespace.
# expect: start TG009 a write through vars()
import os
import sys
import threading
vars()["os"] = None


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
