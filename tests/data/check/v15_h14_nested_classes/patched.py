# expect: Patched.Feed.start TG009 Patched.Feed = Unguarded
import os
import threading

from _unguarded import Unguarded


class Patched:
    class Feed:
        def start(self):
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
            threading.Thread(target=print).start()


Patched.Feed = Unguarded
