# expect: start TG009 inst/__init__.py (imported with inst.feed) patches
import os
import threading


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
