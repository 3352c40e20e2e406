# The entry-point name is rebound in its class body: Feed.start is _run, not the guarded def.
# expect: Feed.start TG009 rebound in the class body at line 16
import os
import threading


def _run(self):
    threading.Thread(target=print).start()


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
    start = _run
