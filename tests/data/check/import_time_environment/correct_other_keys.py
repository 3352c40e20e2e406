# Writes of other literal keys at import time, and writes made only in a function nobody calls on import: fine.
# expect: start ok
import os
import threading

import settings_other  # noqa: F401


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
