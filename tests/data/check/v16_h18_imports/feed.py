# Hostile review 18: a standard-library import before the guard runs the module's top-level code (plistlib calls
# re.compile), and repatch.py replaced re.compile at import time.
# expect: start TG002 importing plistlib (unless it is loaded already) calls into re
# expect: start_loaded ok
# expect: start_builtin ok
import json
import os
import threading

import repatch  # noqa: F401


def start():
    import plistlib  # noqa: F401

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_loaded():
    import json  # noqa: F401,F811 - imported at the top already: only looked up

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_builtin():
    import time  # noqa: F401 - loaded at interpreter start-up

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
