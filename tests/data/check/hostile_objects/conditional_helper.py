# HOSTILE-25 and HOSTILE-24: a helper bound only under `if False:` (a module __getattr__ answers instead), and a
# U+2028 in a comment must not shift the recovered body.
# expect: start TG009 a module __getattr__
import os

if False:
    def is_hb():
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def __getattr__(name):
    return lambda: True


def start():
    if is_hb():
        return
    print("body")
