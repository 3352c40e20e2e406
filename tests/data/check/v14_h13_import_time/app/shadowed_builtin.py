# Hostile review 13: a global set on the entry module shadows the builtin bool
# expect: start TG009 patches 'app.shadowed_builtin.bool'
import os
import threading

import app.shadowed_builtin_boot  # noqa: F401


def start():
    if bool(os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"):
        return
    threading.Thread(target=print).start()
