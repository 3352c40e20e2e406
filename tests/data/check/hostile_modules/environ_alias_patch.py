# HOSTILE-2: a store through an alias of os.environ.
# expect: start TG009 an attribute store on an imported module or object
import os

ENV = os.environ
_orig = ENV.get
ENV.get = lambda *a: _orig(*a)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    print("body")
