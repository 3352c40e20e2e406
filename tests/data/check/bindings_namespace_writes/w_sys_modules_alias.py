# m = sys.modules[__name__]; m.os = ... rebinds through an alias.
# expect: start TG009 on a module looked up at run time
import os
import sys
import threading

def _patch():
    m = sys.modules[__name__]
    m.os = None


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
