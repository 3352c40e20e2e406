# A module __getattr__ (PEP 562) answers reads of the module object's missing attributes from outside; the module's
# own global and builtin look-ups never reach it (LOAD_GLOBAL reads the module dict, then builtins). So @property and
# @staticmethod in a class here are the builtins (click 8.2's core.__getattr__ made every such class unprovable).
# expect: Feed.start ok
# expect: Feed.stop TG001
import os
import threading


class Feed:
    @property
    def name(self):
        return "feed"

    @staticmethod
    def label():
        return "feed"

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print, name=str(len([1]))).start()

    def stop(self):
        threading.Thread(target=print).start()


def __getattr__(name):
    if name == "OldFeed":
        return Feed
    raise AttributeError(name)
