# spec_from_file_location + exec_module, the path built with pathlib (R7-5).
# expect: start TG009 boot_env.py (imported with spec_file) writes the environment variable THOR_SCHEDULER_MODE
import importlib.util
import os
import threading
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("boot", Path(__file__).resolve().parent / "boot_env.py")
_BOOT = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_BOOT)


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
