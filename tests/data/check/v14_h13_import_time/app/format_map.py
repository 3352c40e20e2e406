# Hostile review 13: a format_map field reads lazy.X through its PEP 562 __getattr__
# expect: start TG009 writes the environment variable
import os
import threading

import app.format_map_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
