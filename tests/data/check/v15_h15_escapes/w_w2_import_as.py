# expect: Feed.start TG009
import threading
import functools
import os

from _unguarded import Unguarded
from functools import update_wrapper as _copy_meta


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


_copy_meta(Feed, Unguarded, ("start",), ())
