# Hostile review 13: operator.call applied to what a registry holds
# expect: start TG009 writes the environment variable
import os
import threading

import app.applier_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
