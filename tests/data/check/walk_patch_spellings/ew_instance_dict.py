# R5-2: the environment is written through another door than os.environ.<method>.
# expect: start TG009 patches '*' at line 3
import os
import threading

import ew_instance_dict_patch


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
