# vars(os) is the os module's namespace.
# expect: start TG009 a write through vars() of a module
import os
import sys
import threading
vars(os)["environ"] = {}


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
