# Import-time environment writes through another module's alias of os.environ, or through a standard module's own
# `os` global (review 10, R10-15): set_alias.py runs when this module is imported.
# expect: start TG009
import os
import threading

import set_alias  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
