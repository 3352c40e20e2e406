# R5-9: another module of the walk changes the class attribute the guard reads; it is no longer its class-body literal.
# expect: start TG009 'modes.Mode.HEARTBEAT' cannot be proven
import os
import threading

import cl_store_patch
from modes import Mode


def _run():
    pass


def start():
    mode = os.environ.get(Mode.VARIABLE, "heartbeat").lower()
    if mode == Mode.HEARTBEAT:
        return
    threading.Thread(target=_run).start()
