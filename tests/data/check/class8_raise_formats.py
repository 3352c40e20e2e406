# An exception raised on the heartbeat path leaves the function, and whoever reports it formats its arguments:
# `str(exc)` of a one-argument exception is `str(arg)`, of several the repr of the args (Django's request logging,
# `logger.exception`, a traceback). The verifier judges this where it sees the arguments, when the built-in
# exception is constructed: arguments whose class defines __str__/__repr__/__format__ (self, a possible project
# instance) are TG002 (review 7, R7-6). Built-in values and instance state (assumption 4) stay pure.
# expect: Reported.start TG002 'RuntimeError(self)' runs inside the guard
# expect: Several.start TG002 'ValueError("feed", self)' runs inside the guard
# expect: _OBJECT_start TG002 'RuntimeError(_OBJECT)' runs inside the guard
# expect: Plain.start ok
import os
import threading


def _run():
    pass


def _body():
    threading.Thread(target=_run).start()


class Reported:
    def __str__(self):
        threading.Thread(target=_run).start()
        return "feed"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise RuntimeError(self)
        _body()


class Several:
    def __repr__(self):
        threading.Thread(target=_run).start()
        return "Several()"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise ValueError("feed", self)
        _body()


class _Loud:
    def __str__(self):
        threading.Thread(target=_run).start()
        return "loud"


_OBJECT = _Loud()


def _OBJECT_start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        raise RuntimeError(_OBJECT)
    _body()


class Plain:
    name = "feed"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise RuntimeError(f"{self.name}: heartbeat mode owns this work", 3)
        _body()
