# expect: Decorated.Feed.start TG009 class decorator '@_swap' may replace Feed
import os
import threading

from _unguarded import Unguarded


def _swap(cls):
    cls.Feed = Unguarded
    return cls


@_swap
class Decorated:
    class Feed:
        def start(self):
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
            threading.Thread(target=print).start()
