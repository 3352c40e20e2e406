# locals() in a class body is the class namespace (here it escapes).
# expect: start TG009 a write through locals()
import os
import sys
import threading

class C:
    ns = locals()


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
