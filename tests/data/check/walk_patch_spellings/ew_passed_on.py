# R5-2: the environment is written through another door than os.environ.<method>.
# expect: start TG009 writes environment variables not known statically
import os
import threading

import ew_passed_on_patch


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
