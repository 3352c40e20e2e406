# A registration into the module's own built-in dict and list, used for nothing else: the function is not called.
# expect: Feed.start ok
import os
import threading

from ok_registry.deco import register


@register
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


class Feed:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
