# A module imported with this one stores on os in a signature or body: a def body runs only when called; a lambda made
# at import time is taken as run (docs/check.md, what runs at import time), so its setattr(os, ...) is a patch.
# expect: start TG009 patches 'os' at line 8
import os
import threading

import lib.body_only  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
