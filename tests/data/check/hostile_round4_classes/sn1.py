# R4-8: __set_name__ of a class attribute's type replaces the entry point when the class is created.
# expect: Feed.start TG009 whose __set_name__ runs when Feed is created
import os
import threading


def _run():
    pass


def _always_on(self):
    threading.Thread(target=_run).start()


class Registered:
    """A descriptor that registers its owner (e.g. in a plugin registry)."""

    def __set_name__(self, owner, name):
        owner.start = _always_on

    def __get__(self, obj, objtype=None):
        return self


class Feed:
    registry = Registered()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
