# sys.modules[__name__].x = ... rebinds a name of this module.
# expect: start TG009 on a module looked up at run time
import os
import sys
import threading
sys.modules[__name__].os = None


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
