# Hostile review 13: dir(module) calls the module's __dir__
# expect: start TG009 writes the environment variable
import os
import threading

import app.dir_module_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
