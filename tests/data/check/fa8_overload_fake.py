# A module-level `overload` that is not typing.overload: the stubs are project-decorated defs, the entry is rebound.
# expect: Feed.start TG001,TG009 rebound in the class body
# expect: start TG001,TG009 rebound at line
import os
import threading


def _connect():
    threading.Thread(target=print).start()


def overload(function):
    _connect()
    return function


class Feed:
    @overload
    def start(self) -> None: ...

    def start(self, delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


@overload
def start() -> None: ...


def start(delay=None):
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _connect()
