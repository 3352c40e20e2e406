# R4-7: __new__ returns an instance of another class.
# expect: Feed.start TG009 defines __new__
import os
import threading


def _run():
    pass


class _Running:
    def start(self):
        threading.Thread(target=_run).start()


class Feed:
    def __new__(cls):
        return _Running()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
