# A module this one imports imports it back and replaces its `os` (hostile R5-8, circular form).
# expect: start TG009 patches 'start_circular.os'
import os
import threading

import circular_patch  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
