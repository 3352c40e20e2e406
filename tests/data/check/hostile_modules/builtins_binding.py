# HOSTILE-5: a module-level __builtins__ replaces the builtins the function sees.
# expect: start TG009 a binding of __builtins__
import builtins as _b
import os

__builtins__ = {k: getattr(_b, k) for k in dir(_b)}


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise RuntimeError("heartbeat mode")
    print("body")
