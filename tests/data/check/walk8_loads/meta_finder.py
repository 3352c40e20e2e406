# A project finder on sys.meta_path runs on the stdlib import inside start (R7-3).
# expect: start TG009 installs a hook at import time
import os
import sys
import threading


class _Finder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name == "graphlib":
            threading.Thread(target=print).start()
        return None


sys.meta_path.insert(0, _Finder)


def start():
    import graphlib  # noqa: F401

    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
