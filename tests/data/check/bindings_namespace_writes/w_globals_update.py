# globals().update(...) rebinds any module name.
# expect: start TG009 a write through globals()
import os
import sys
import threading
globals().update(os=None)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
