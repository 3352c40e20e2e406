# `import os` ... `os = _Compat()`: the guard's `os` is not the os module.
# expect: start TG009 'os' is bound at line 3 ('import os') and rebound at line 15 ('os = _Compat()')
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


class _Compat:
    environ = {"THOR_SCHEDULER_MODE": "heartbeat"}
os = _Compat()
