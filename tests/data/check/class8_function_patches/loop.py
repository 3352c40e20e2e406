# expect: Feed.start TG009 '_m.__code__ = _legacy_start.__code__'
# expect: start TG009 '_m.__code__ = _legacy_start.__code__'
import os
import threading


def _run():
    pass


def _legacy_start(self=None):
    threading.Thread(target=_run).start()


class Feed:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


for _m in (Feed.start, start):
    _m.__code__ = _legacy_start.__code__
