# expect: Outer.Feed.start TG009 metaclass '_Meta' may replace Feed
import os
import threading

from _unguarded import Unguarded


class _Meta(type):
    def __new__(mcs, name, bases, namespace):
        namespace["Feed"] = Unguarded
        return super().__new__(mcs, name, bases, namespace)


class Outer(metaclass=_Meta):
    class Feed:
        def start(self):
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
            threading.Thread(target=print).start()
