# Controls: a module of the walk that only reads builtins, the environment, sys.path and sys.modules.
# expect: start ok
import os
import threading

import ok_reads_patch


def _run():
    pass


def start():
    hosts = len(os.environ.get("HOSTS", ""))
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
