# A namespace that escapes into a name can be written later.
# expect: start TG009 a write through globals()
import os
import sys
import threading
g = globals()
g["os"] = None


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
