# expect: Feed.start TG009 'func.__defaults__ = (True,)'
import os
import threading


def _run():
    pass


def _force(func):
    func.__defaults__ = (True,)
    return func


class Feed:
    def start(self, force=False):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat" and not force:
            return
        threading.Thread(target=_run).start()


_force(Feed.start)
