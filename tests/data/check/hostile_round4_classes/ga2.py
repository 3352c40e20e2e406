# R4-7: __init__ changes the instance's class.
# expect: Feed.start TG009 self.__class__ = _Running
import os
import threading


def _run():
    pass


class _Running:
    def start(self):
        threading.Thread(target=_run).start()


class Feed:
    def __init__(self):
        if os.environ.get("FEED_ALWAYS_ON", "1"):
            self.__class__ = _Running

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
