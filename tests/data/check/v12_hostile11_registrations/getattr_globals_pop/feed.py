# Hostile review 11 (second round): globals().pop() removes the name, so the module __getattr__ serves the import; the environment write runs at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from getattr_globals_pop.conf import LIMIT


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
