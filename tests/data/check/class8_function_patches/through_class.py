# The method patched through its class is the entry point, even when the module also has a function of its name.
# expect: Feed.start TG009 Feed.start.__code__
import os
import threading


def _run():
    pass


def _helper():
    return 1


def _other():
    return 2


_helper.__code__ = _other.__code__


class Feed:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


def start():
    return None


Feed.start.__code__ = Feed.start.__code__  # the method, through its class: not the module's start
