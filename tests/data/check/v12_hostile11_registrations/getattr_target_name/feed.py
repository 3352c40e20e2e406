# Hostile review 11 (second round): a name read inside an assignment target is not bound by it; the module __getattr__ serves it; the environment write runs at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from getattr_target_name.conf import TimeoutError


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
