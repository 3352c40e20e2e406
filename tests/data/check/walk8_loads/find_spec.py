# find_spec(NAME) + exec_module (R7-5): the module named is read.
# expect: start TG009 boot_env.py (imported with find_spec) writes the environment variable THOR_SCHEDULER_MODE
import importlib.util
import os
import threading

_SPEC = importlib.util.find_spec("boot_env")
_SPEC.loader.exec_module(importlib.util.module_from_spec(_SPEC))


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
