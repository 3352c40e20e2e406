# Stores on instance state inside methods, and a class attribute changed at module level, stay fine.
# expect: Feed.start ok
import os
import threading


class Feed:
    count = 0

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self.items[0].state = "running"
        threading.Thread(target=print).start()


Feed.count = 2
