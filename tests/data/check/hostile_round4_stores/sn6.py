# R4-9: the store names a module function.
# expect: Feed.start TG009 self.feed.start = _always_on
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


def _always_on(*a):
    threading.Thread(target=_run).start()


class Scheduler:
    def __init__(self, feed):
        self.feed = feed

    def install(self):
        self.feed.start = _always_on


def _boot():
    s = Scheduler(Feed)
    s.install()


_boot()
