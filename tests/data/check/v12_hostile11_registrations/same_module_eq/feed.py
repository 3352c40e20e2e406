# Hostile review 11 (second round): a project __eq__ in the same module calls the function through other.__call__(); the environment write runs at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading


class Sentinel:
    def __eq__(self, other):
        other.__call__()
        return False


MISSING = Sentinel()


def register(function):
    if function == MISSING:
        raise TypeError
    return function


@register
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
