# expect: Feed.start TG009 own/__init__.py (imported with own.feed) patches 'own.feed.Feed.VARIABLE' at line 4
# expect: Feed.start_class TG009 patches 'own.feed.Feed.VARIABLE'
# expect: Feed.other ok
import os
import threading


def _run():
    pass


class Feed:
    VARIABLE = "THOR_SCHEDULER_MODE"
    NAME = "feed"

    def start(self):
        mode = os.environ.get(self.VARIABLE, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_class(self):
        mode = os.environ.get(Feed.VARIABLE, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def other(self):
        name = self.NAME
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run, name=name).start()
