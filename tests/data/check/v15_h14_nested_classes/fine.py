# Correct nested classes: the enclosing classes only define them.
# expect: Services.Feed.start ok
# expect: Services.Feed.Deep.start ok
import os
import threading


class Services:
    """Holds the feeds."""

    LIMIT = 3

    class Feed:
        def start(self):
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
            threading.Thread(target=print).start()

        class Deep:
            def start(self):
                if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                    return
                threading.Thread(target=print).start()

    def other(self):
        return self.LIMIT
