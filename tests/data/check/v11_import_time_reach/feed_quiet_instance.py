# Import-time code of quiet_instance.py runs when this module is imported (review 10, R10-12/A10-4/A10-2): an instance of a
# project class made by code that surely runs reaches its methods in any spelling; a registry a decorator fills is
# called through at import time.
# expect: start ok
import os
import threading

import quiet_instance  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
