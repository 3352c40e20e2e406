# R5-7: a module of the import walk writes the builtins namespace; len() before the guard is no longer the builtin.
# expect: start TG009 replaces a built-in at import time
import os
import threading

import bi_dunder_update_patch


def _run():
    pass


def start():
    hosts = len(os.environ.get("HOSTS", ""))
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
