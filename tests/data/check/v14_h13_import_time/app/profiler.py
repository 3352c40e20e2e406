# Hostile review 13: cProfile runs code given as a string
# expect: start TG009 code the walk cannot read
import os
import threading

import app.profiler_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
