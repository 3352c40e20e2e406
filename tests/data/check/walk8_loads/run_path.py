# runpy.run_path of a file next to the module (R7-5): the walk reads boot_env.py.
# expect: start TG009 boot_env.py (imported with run_path) writes the environment variable THOR_SCHEDULER_MODE
import os
import runpy
import threading

runpy.run_path(os.path.join(os.path.dirname(__file__), "boot_env.py"))


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
