# Hostile review 11 (second round): the package binds Defaults only through its PEP 562 __getattr__, which returns a class of the package; 'pkg.Defaults.apply()' runs that class's method, which sets the mode variable at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

import pkg

pkg.Defaults.apply()


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
