# expect: Feed.start TG009
import threading
import os


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


from . import patch  # noqa: E402
