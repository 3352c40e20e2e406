# The returned expression runs too.
# expect: Feed.start TG002 self._drain()
import os
import threading


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return {"stopped": self._drain()}
        threading.Thread(target=print).start()
