# A module-level `with C():` runs C.__enter__ (R7-7).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class _EnvDefaults:
    def __enter__(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return self

    def __exit__(self, *exc):
        return False


with _EnvDefaults():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
