# Review 9, R9-5 remainder: `self` reaching a local through a conditional expression, an `if`/`else`, a one-element
# unpacking or a list pattern; reading a property (or testing the truth) through that local runs project code - here
# it starts the worker. A class with plain attributes and no dunders stays provable through the same shapes.
# expect: TernaryFeed.start TG002 me.ready
# expect: BranchFeed.start TG002 me.ready
# expect: TupleFeed.start TG002 me.ready
# expect: ListFeed.start TG002 me.ready
# expect: PairFeed.start TG002 (me, other) = (self, 1)
# expect: OrFeed.start TG002 me.ready
# expect: PlainFeed.start ok
import os
import threading


def _effect():
    threading.Thread(target=print).start()


class Base:
    @property
    def ready(self):
        _effect()
        return False


class TernaryFeed(Base):
    def start(self, flag=True):
        me = self if flag else None
        if me is not None and me.ready:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class BranchFeed(Base):
    def start(self, flag=True):
        if flag:
            me = self
        else:
            me = None
        if me is not None and me.ready:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class TupleFeed(Base):
    def start(self):
        me, = (self,)
        if me.ready:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class ListFeed(Base):
    def start(self):
        [me] = [self]
        if me.ready:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class PairFeed:
    def __bool__(self):
        _effect()
        return False

    def start(self):
        (me, other) = (self, 1)
        if me:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class OrFeed(Base):
    def start(self, other=None):
        me = other or self
        if me.ready:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class PlainFeed:
    ready = False

    def start(self, flag=True):
        me = self if flag else None
        [you] = [self]
        if flag:
            it = self
        else:
            it = None
        if me is not None and me.ready and you.ready and it is not None and it.ready:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
