# HOSTILE-26/27: stores on the function or class objects replace what the entry point runs.
# expect: start TG009 an attribute store on an imported module or object
# expect: S.start TG009 setattr() on a module-level function or class
# expect: Counter.start ok
import os


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    print("body")


def _other():
    print("swapped")


start.__code__ = _other.__code__


class S:
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        print("body")


setattr(S, "start", lambda self: print("replaced"))


class Counter:
    count = 0

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        Counter.count += 1
