# A nested def's default is evaluated in the enclosing function: `def check(feed=self)` holds the entry point's own
# object, so `feed.pending` runs its property getter (review 9, R9-5). A default of a plain value is plain.
# expect: Feed.start TG002 check()
# expect: Plain.start ok
import os
import threading


class Feed:
    @property
    def pending(self):
        threading.Thread(target=print).start()
        return 0

    def start(self):
        def check(feed=self):
            return feed.pending == 0

        if not check():
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class Plain:
    limit = 3

    def start(self):
        def check(limit=2):
            return limit > 1

        if not check():
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
