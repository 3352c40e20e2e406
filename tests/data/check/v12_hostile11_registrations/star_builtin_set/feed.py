# Hostile review 11 (second round): set() is a star-imported class whose add() calls what it stores; the environment write runs at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from star_builtin_set.deco import register


@register
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
