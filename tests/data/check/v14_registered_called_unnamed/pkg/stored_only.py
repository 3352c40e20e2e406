# Registered and never called at import time: boot does not run, the guard is proven.
# expect: start ok
import os
import threading

from pkg.registry import hook


@hook
def boot():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
