# a project class's classmethod factory
# expect: Feed.start TG009 registry.Factory.make()
import os
import threading

import registry


class Feed:
    hook = registry.Factory.make()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
