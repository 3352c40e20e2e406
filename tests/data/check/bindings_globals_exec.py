# globals()/exec/setattr on a module can rebind any name.
# expect: start TG009 a write through globals() at line 14
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def patch():
    globals()["os"] = None
