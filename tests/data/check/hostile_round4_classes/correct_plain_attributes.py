# Class attributes whose types define no __set_name__ or one that only records names, and a __getattr__ (called only for missing names): proven.
# expect: Feed.start ok
import os
import threading

from plugins.registry import Named, Plain


class Feed:
    marker = Plain()
    named = Named()
    count = 0

    def __getattr__(self, name):
        return None

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
