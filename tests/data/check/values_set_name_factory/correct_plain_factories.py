# factories and decorators proven to return built-in values: a literal, a wraps() wrapper, a nested def, the function itself
# expect: Feed.start ok
import os
import threading

import registry
from registry import registered, registering, limit, traced, tagged, marked


class Feed:
    size = limit()

    @traced
    def helper(self):
        pass

    @tagged("x")
    def other(self):
        pass

    @marked
    def third(self):
        pass

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
