# What a class body leaves bound decides what `self.x` runs (review 7, R7-11, R7-12). The class-body census uses the
# module's rules: the binding that survives the body (the last unconditional one and every conditional one after
# it) is judged, whatever statement made it. A literal rebound by a later @property runs the getter; a property
# bound by an import, a walrus, an unpacking, a `with` or `for` target, or picked out of a display runs its getter;
# a property stored on the class after it (`Feed.pending = property(f)`) too. Plain rebindings stay plain.
# expect: Rebound.start TG002 'self.pending' runs before the guard
# expect: Imported.start TG002 'self.pending' runs before the guard
# expect: Walrus.start TG002 'self.pending' runs before the guard
# expect: Unpacked.start TG002 'self.pending' runs before the guard
# expect: ListUnpacked.start TG002 'self.pending' runs before the guard
# expect: Picked.start TG002 'self.pending' runs before the guard
# expect: WithTarget.start TG002 'self.pending' runs before the guard
# expect: ForTarget.start TG002 'self.pending' runs before the guard
# expect: Conditional.start TG002 'self.pending' runs before the guard
# expect: StoredLater.start TG002 'self.pending' runs before the guard
# expect: InheritsImported.start TG002 'self.pending' runs before the guard
# expect: PlainRebound.start ok
# expect: PlainUnpacked.start ok
# expect: LiteralStoredLater.start ok
# expect: PropertyThenLiteral.start ok
import contextlib
import os
import sys
import threading


def _run():
    pass


def _count(feed):
    threading.Thread(target=_run).start()
    return 1


def _body():
    threading.Thread(target=_run).start()


class Rebound:
    pending = 0

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()

    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 1


class Imported:
    from props import pending

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Walrus:
    (pending := property(_count))

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Unpacked:
    pending, other = property(_count), 0

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class ListUnpacked:
    [pending] = [property(_count)]

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Picked:
    pending = [property(_count)][0]

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class WithTarget:
    with contextlib.nullcontext(property(_count)) as pending:
        pass

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class ForTarget:
    for pending in (property(_count),):
        pass

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Conditional:
    pending = 0
    if sys.version_info >= (3, 0):
        pending = property(_count)

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class StoredLater:
    pending = 0

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


StoredLater.pending = property(_count)


class InheritsImported(Imported):
    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class PlainRebound:
    pending = 0
    pending = 1

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class PlainUnpacked:
    pending, other = 0, 1

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class LiteralStoredLater:
    pending = 0

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


LiteralStoredLater.pending = 2


class PropertyThenLiteral:
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 1

    pending = 0

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()
