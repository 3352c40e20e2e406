# A registration applied to a method does not call it at import time (jinja2's @internalcode on Loader.load only
# records the code object): the guard is proven.
# expect: start_method_registered ok
import os
import threading

from decorators import register


class Defaults:
    @register
    def apply(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_method_registered():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
