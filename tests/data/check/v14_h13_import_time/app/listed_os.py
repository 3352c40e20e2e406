# Hostile review 13: os taken back out of a list literal
# expect: start TG009 writes the environment variable
import os
import threading

import app.listed_os_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
