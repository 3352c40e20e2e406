# Registered with another module's decorator; a third module iterates the registry when it is imported.
# expect: start TG009
import os
import threading

from pkg.registry import hook


@hook
def boot():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"


import pkg.firing  # noqa: E402


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
