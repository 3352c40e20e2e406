# os.__setattr__ is setattr on a module.
# expect: start TG009 a call to __setattr__() on a module
import os
import sys
import threading
os.__setattr__("environ", {})


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
