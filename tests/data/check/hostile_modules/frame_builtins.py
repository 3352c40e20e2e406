# HOSTILE-6: sys._getframe().f_builtins["len"] = ... rebinds a builtin.
# expect: start TG009 a write through f_builtins
import os
import sys

sys._getframe().f_builtins["len"] = len


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return len("skip")
    print("body")
