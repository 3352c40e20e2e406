# a decorator in the class body returns a descriptor
# expect: Feed.start TG009 registry.registering
import os
import threading

import registry
from registry import registered, registering, limit, traced, tagged, marked


class Feed:
    @registering
    def helper(self):
        pass

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
