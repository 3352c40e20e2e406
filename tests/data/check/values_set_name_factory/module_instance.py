# an instance built by the factory's module when it was imported
# expect: Feed.start TG009 registry.REGISTRY
import os
import threading

import registry
from registry import registered, registering, limit, traced, tagged, marked


class Feed:
    hook = registry.REGISTRY

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
