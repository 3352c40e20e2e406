# A file run by path that the checkout does not have: TG009 naming it.
# expect: start TG009 runs the file missing_boot.py by path at import time
import os
import runpy
import threading

if os.path.exists(os.path.join(os.path.dirname(__file__), "missing_boot.py")):
    runpy.run_path(os.path.join(os.path.dirname(__file__), "missing_boot.py"))


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
