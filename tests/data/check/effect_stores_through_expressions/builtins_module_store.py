# A store on the builtins module rebinds a builtin, not a name of this module.
# expect: start TG009 builtins.RuntimeError = _Evil
import builtins
import os
import threading


class _Evil(Exception):
    def __init__(self, *args):
        threading.Thread(target=print).start()
        super().__init__(*args)


builtins.RuntimeError = _Evil


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise RuntimeError("heartbeat mode")
    threading.Thread(target=print).start()
