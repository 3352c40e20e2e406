# Hostile review 11 (second round): the decorator appends the function to a list and then calls the list's last item; the environment write runs at import time.
# expect: Feed.start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import threading

from container_then_call.deco import register


@register
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
