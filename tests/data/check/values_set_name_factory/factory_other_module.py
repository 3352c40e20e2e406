# R5-17 SN7: a project factory returns an object whose __set_name__ replaces start
# expect: Feed.start TG009 registry.registered
import os
import threading

import registry
from registry import registered, registering, limit, traced, tagged, marked


class Feed:
    hook = registered()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
