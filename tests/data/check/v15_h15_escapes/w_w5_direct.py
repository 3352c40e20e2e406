# expect: Feed.start TG009
import threading
import functools
import os

from _unguarded import Unguarded



class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


functools.update_wrapper(Feed, Unguarded, ("start",), ())
