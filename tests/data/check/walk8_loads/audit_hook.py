# An audit hook runs on the stdlib import inside start, before the guard (R7-3).
# expect: start TG009 installs a hook at import time, line 16
import os
import sys
import threading


def _audit(event, args):
    if event == "import" and args[0] == "graphlib":
        threading.Thread(target=print).start()





sys.addaudithook(_audit)


def start():
    import graphlib  # noqa: F401

    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
