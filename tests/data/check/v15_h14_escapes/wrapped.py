# update_wrapper(self, f) copies f.__dict__ onto the instance (hostile review 14).
# expect: Wrapped.start TG009 functools.update_wrapper(self, carrier)
import functools
import os
import threading

from _carriers import carrier


class Wrapped:
    def __init__(self):
        functools.update_wrapper(self, carrier)

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
