# A module imported with this one stores on os in a signature or body: a lambda's default runs where the lambda is made: on import.
# expect: start TG009 patches 'os' at line 3
import os
import threading

import lib.lambdas  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
