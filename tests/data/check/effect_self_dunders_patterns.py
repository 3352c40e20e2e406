# More operations that run dunders of `self` (hostile review 5): membership in a set or dict display hashes the left
# operand first (R5-4), and a `match` literal pattern compares `1 == self`, which falls back to the subject's
# `__eq__` (R5-5). A class with built-in dunders only keeps both pure.
# expect: SetFeed.start TG002 self in {1, 2}
# expect: DictFeed.start TG002 self in {"a": 1}
# expect: MatchFeed.start TG002 1
# expect: PlainMatchFeed.start ok
import os
import threading


def _effect():
    threading.Thread(target=print).start()


class SetFeed:
    def __hash__(self):
        _effect()
        return 1

    def start(self):
        if self in {1, 2}:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class DictFeed(SetFeed):
    def start(self):
        if self in {"a": 1}:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class MatchFeed:
    def __eq__(self, other):
        _effect()
        return False

    __hash__ = object.__hash__

    def start(self):
        match self:
            case 1:
                return
            case _:
                pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class PlainMatchFeed:
    def start(self):
        match self:
            case 1:
                return
            case _:
                pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
