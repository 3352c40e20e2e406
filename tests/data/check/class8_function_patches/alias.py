# The entry point's function object patched through data flow (review 6, R6-25): whatever spells the object — an
# alias, a loop variable, a parameter of a function called at import time — a store of __code__/__defaults__/
# __kwdefaults__ on an object that may be the entry point's function is TG009 naming the store.
# expect: Feed.start TG009 '_f.__code__ = _legacy_start.__code__'
import os
import threading


def _run():
    pass


def _legacy_start(self):
    threading.Thread(target=_run).start()


class Feed:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


_f = Feed.start
_f.__code__ = _legacy_start.__code__
