# A call inside a comprehension runs before the guard.
# expect: Feed.start TG002 c.open()
import os
import threading


class Feed:
    def start(self):
        conns = [c.open() for c in self._pools]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print, args=(conns,)).start()
