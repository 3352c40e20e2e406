# The parent package's __init__ wraps the entry points themselves (instrumentation): the wrapper runs first in every
# world (hostile review 5, R5-8, PK3).
# expect: start TG009 patches 'wrapped.feed.start'
# expect: Feed.start TG009 patches 'wrapped.feed.Feed.start'
import os
import threading


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


class Feed:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
