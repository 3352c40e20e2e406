# Registered with another module's decorator, which another function of that module calls at import time.
# expect: start TG009
import os
import threading

import pkg.registry


@pkg.registry.hook
def boot():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"


pkg.registry.fire_all()


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
