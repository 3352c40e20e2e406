# A class registration does not touch the class's methods: the guard is proven.
# expect: start_registered_class ok
import os
import threading

from decorators import register_class


@register_class
class Defaults:
    @staticmethod
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_registered_class():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
