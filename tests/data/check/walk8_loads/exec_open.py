# exec of a file's text read through `with open(...) as f` (R7-5).
# expect: start TG009 boot_env.py (imported with exec_open) writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

with open(f"{os.path.dirname(__file__)}/boot_env.py") as _f:
    exec(_f.read(), {})


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
