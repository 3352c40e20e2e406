# HOSTILE-3: a store through an alias of the module os.
# expect: start TG009 an attribute store on an imported module or object
import os

o = os
_orig = os.getenv
o.getenv = lambda *a: _orig(*a)


def start():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    print("body")
