# setattr(sys.modules[__name__], "os", ...) rebinds 'os'.
# expect: start TG009 setattr() on a module
import os
import sys
import threading
setattr(sys.modules[__name__], "os", None)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
