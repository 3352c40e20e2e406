# Both readings of ok_pkg.Defaults.apply are harmless: the guard is proven.
# expect: Feed.start ok
import os
import threading

from ok_pkg import Defaults

Defaults.apply()


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
