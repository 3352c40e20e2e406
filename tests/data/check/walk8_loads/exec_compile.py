# exec(compile(Path.read_text())) of a sibling file (R7-5).
# expect: start TG009 boot_env.py (imported with exec_compile) writes the environment variable THOR_SCHEDULER_MODE
import os
import threading
from pathlib import Path

exec(compile(Path(__file__).with_name("boot_env.py").read_text(), "boot_env.py", "exec"), {})


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
