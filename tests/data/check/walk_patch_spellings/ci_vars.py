# R5-8: a module the analysed module imports replaces its `os` through a run-time look-up.
# expect: start TG009 cannot be proven
import os
import threading

import ci_vars_patch


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
