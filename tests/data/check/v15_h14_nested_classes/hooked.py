# expect: Hooked.Feed.start TG009 may replace Feed
import os
import threading

from _unguarded import Unguarded


class _Base:
    def __init_subclass__(cls, **kwargs):
        cls.Feed = Unguarded


class Hooked(_Base):
    class Feed:
        def start(self):
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
            threading.Thread(target=print).start()
