# Hostile review 14: the classes enclosing an entry point's class decide what the path names.
# expect: Services.Feed.start TG009 rebound in the class body
import os
import threading

from _unguarded import Unguarded


class Services:
    class Feed:
        def start(self):
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
            threading.Thread(target=print).start()

    Feed = Unguarded
