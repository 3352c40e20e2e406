# Hostile BB: RuntimeError is replaced through builtins, so `raise RuntimeError(...)` constructs a project class.
# expect: start TG009 [builtins][0].RuntimeError = _Evil
import builtins
import os
import threading


class _Evil(Exception):
    def __init__(self, *args):
        threading.Thread(target=print).start()
        super().__init__(*args)


[builtins][0].RuntimeError = _Evil


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise RuntimeError("heartbeat mode")
    threading.Thread(target=print).start()
