# Import-time code of boot_quiet.py (review 9, R9-2/R9-12/R9-13: methods of module-level instances, aliases, alternate
# constructors, the module's own decorators, class-based decorator factories) runs when this module is imported.
# expect: start ok
import os
import threading

import boot_quiet  # noqa: F401


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
