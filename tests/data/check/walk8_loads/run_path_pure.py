# The file run by path writes nothing: nothing to report.
# expect: start ok
import os
import runpy
import threading

runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "boot_pure.py"))


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
