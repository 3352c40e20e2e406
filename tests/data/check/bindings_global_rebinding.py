# `global os` in another function (which check's skeleton stubs out) rebinds the module name.
# expect: start TG009 rebound through 'global os' at line 15
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def install_compat():
    """Not an entry point: check stubs this body out, the census still sees it."""
    global os
    os = object()
    return os
