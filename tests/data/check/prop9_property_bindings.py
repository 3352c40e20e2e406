# What a read of an own-class property runs is decided by the class-body binding that survives the body (review 8):
# a redefinition under `if`/`try` after `@property`/`@x.setter` (R8-1, PA1), a property defined only inside a compound
# statement (PA6, PA7), `@property` stacked over another decorator (R8-13, PD1), a project descriptor class used as
# a decorator (PD3), and `property` rebound in the class body (R8-2, PA3) are effects when read before the guard.
# A plain read/write property with a pure getter is still walked and accepted.
# expect: Redefined.start TG002 self.pending
# expect: OnlyConditional.start TG002 self.pending
# expect: InTry.start TG002 self.pending
# expect: Stacked.start TG002 self.pending
# expect: DescriptorDecorator.start TG002 self.enabled
# expect: ReboundProperty.start TG002 self.pending
# expect: ReadWrite.start ok
import functools
import os
import sys
import threading


def _run():
    pass


class Redefined:
    @property
    def pending(self):
        return 0

    @pending.setter
    def pending(self, value):
        pass

    if os.name == "posix" or os.name != "posix":
        @property
        def pending(self):
            threading.Thread(target=_run).start()
            return 1

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class OnlyConditional:
    if sys.platform != "no-such-platform":
        @property
        def pending(self):
            threading.Thread(target=_run).start()
            return 1
    else:
        pending = 0

    def start(self):
        if self.pending:
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class InTry:
    try:
        @property
        def pending(self):
            threading.Thread(target=_run).start()
            return 1
    except NameError:
        pass

    def start(self):
        if self.pending:
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class Stacked:
    @property
    @functools.lru_cache(maxsize=None)
    def pending(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        if self.pending:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class setting:
    """A lazily evaluated, per-instance setting (descriptor)."""

    def __init__(self, compute):
        self.compute = compute

    def __get__(self, instance, owner=None):
        threading.Thread(target=_run).start()
        return self.compute(instance)


class DescriptorDecorator:
    @setting
    def enabled(self):
        return True

    def start(self):
        if not self.enabled:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class _Tracked(property):
    def __get__(self, obj, owner=None):
        threading.Thread(target=_run).start()
        return super().__get__(obj, owner)


class ReboundProperty:
    property = _Tracked

    @property
    def pending(self):
        return 0

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class ReadWrite:
    _limit = 10

    @property
    def limit(self):
        return self._limit

    @limit.setter
    def limit(self, value):
        self._limit = value

    def start(self):
        if self.limit == 0:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
