# each element of an unpacked tuple is set on the class
# expect: Feed.start TG009 registry.registered
import os
import threading

import registry
from registry import registered, registering, limit, traced, tagged, marked


class Feed:
    hook, size = registered(), 1

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
