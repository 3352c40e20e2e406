# A store through __setattr__ (R7-7).
# expect: start TG009 writes environment variables not known statically
import os
import threading


class _EnvMirror:
    def __setattr__(self, name, value):
        os.environ.setdefault(name.upper(), value)
        object.__setattr__(self, name, value)


env = _EnvMirror()
env.thor_scheduler_mode = "legacy"


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
