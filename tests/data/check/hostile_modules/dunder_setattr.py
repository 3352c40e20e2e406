# HOSTILE-4: os.__setattr__("getenv", ...) is a rebinding too.
# expect: start TG009 a call to __setattr__()
import os

_orig = os.getenv
os.__setattr__("getenv", lambda *a: _orig(*a))


def start():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    print("body")
