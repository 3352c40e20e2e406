# The same for a plain call at import time: `from call_pkg import Defaults` gives the class (the package binds it).
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from call_pkg import Defaults

Defaults.apply()


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
