# A class attribute list changed after the class (B5).
# expect: Feed.start TG009 HB
import os
import threading


class Feed:
    HB = ["heartbeat"]

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode in self.HB:
            return
        threading.Thread(target=print).start()


Feed.HB.remove("heartbeat")
