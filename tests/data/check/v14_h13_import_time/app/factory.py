# Hostile review 13: defaultdict calls its factory, a registered function
# expect: start TG009 writes the environment variable
import os
import threading

import app.factory_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
