# R4-10: setattr on the loop variable over sys.modules inside a function called at import.
# expect: start TG009 setattr() on a module
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


def _install_overrides(overrides):
    for mod in list(sys.modules.values()):
        for name, value in overrides.items():
            if getattr(mod, "__name__", "") == __name__ and hasattr(mod, name):
                setattr(mod, name, value)


_install_overrides({"heartbeat_owns_work": lambda: False})
