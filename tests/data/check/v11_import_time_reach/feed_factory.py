# Import-time code of boot_factory.py runs when this module is imported (review 10, R10-12/A10-4/A10-2): an instance of a
# project class made by code that surely runs reaches its methods in any spelling; a registry a decorator fills is
# called through at import time.
# expect: start TG009
import os
import threading

import boot_factory  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
