# Hostile review 11 (second round): the decorator compares the function with a project object whose __eq__ calls it; the environment write runs at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from compare_eq.deco import register


@register
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
