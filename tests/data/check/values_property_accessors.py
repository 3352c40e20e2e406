# A read/write property (`@property def limit` then `@limit.setter` / `@limit.deleter`) in the entry point's class:
# the accessor decorators are evaluated in the class namespace, where `limit` is the property, and
# builtins.property.setter/deleter make a property with the same getter (review 7, FA7-1: this was a false TG009
# "'limit' is not defined"). A read of such a property before the guard still runs (and walks) the getter;
# `@x.getter` replaces the getter and stays unproven (and the read before the guard runs the new getter: TG002).
# expect: Feed.start ok
# expect: Loud.start TG002 'self.pending' runs before the guard
# expect: Regetter.start TG009,TG002 pending.getter
import os
import threading


def _body():
    open("BODY", "a").write("body ")


def _effect():
    open("SENT", "a").write("getter ")
    return 1


class Feed:
    def __init__(self):
        self._limit = 10

    @property
    def limit(self):
        return self._limit

    @limit.setter
    def limit(self, value):
        self._limit = value

    @limit.deleter
    def limit(self):
        del self._limit

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Loud:
    @property
    def pending(self):
        return _effect()

    @pending.setter
    def pending(self, value):
        pass

    def start(self):
        n = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Regetter:
    @property
    def pending(self):
        return 0

    @pending.getter
    def pending(self):
        return _effect()

    def start(self):
        n = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()
