# R4-10: a module reached by iterating sys.modules, patched through the loop variable.
# expect: start TG009 on a module looked up at run time
import os
import threading


def _run():
    pass


import sys


def heartbeat_owns_work():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=_run).start()


for name, mod in list(sys.modules.items()):
    if name == __name__:
        mod.heartbeat_owns_work = lambda: False
