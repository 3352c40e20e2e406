# R4-9: setattr() on a computed object in another class's method.
# expect: Feed.start TG009 setattr(self.feed, "start"
import os
import threading


def _run():
    pass


class Feed:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class Scheduler:
    def __init__(self, feed):
        self.feed = feed

    def install(self):
        setattr(self.feed, "start", lambda *a: threading.Thread(target=_run).start())


def _boot():
    s = Scheduler(Feed)
    s.install()


_boot()
