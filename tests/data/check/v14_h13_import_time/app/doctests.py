# Hostile review 13: doctest runs the code of a docstring
# expect: start TG009 code the walk cannot read
import os
import threading

import app.doctests_boot  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
