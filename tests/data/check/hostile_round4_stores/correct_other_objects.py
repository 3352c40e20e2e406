# Stores that provably do not touch Feed: another class's own instance (self.start), another proven class, and
# sys.modules only inspected (len, membership) or copied into a list nobody stores on.
# expect: Feed.start ok
import os
import sys
import threading


class Feed:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Worker:
    def __init__(self):
        self.start = None
        self.VARIABLE = "OTHER"

    def bind(self):
        Worker.start = print


LOADED = len(sys.modules)
NAMES = sorted(sys.modules)
print(__name__ in sys.modules, len(list(sys.modules.values())))
