# Hostile review 13: print.__self__ is the builtins module
# expect: start TG009 replaces a built-in
import os
import threading

import app.builtins_self_boot  # noqa: F401


def start():
    if bool(os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"):
        return
    threading.Thread(target=print).start()
