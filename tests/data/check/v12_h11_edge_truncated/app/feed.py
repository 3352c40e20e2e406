# Hostile review 11 (second round): 'pkg.Settings.Defaults.apply()' names a method of a nested class three parts deep, which sets the mode variable at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import pkg

pkg.Settings.Defaults.apply()


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
