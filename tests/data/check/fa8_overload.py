# typing.overload stubs of an entry point are never run: the implementation bound after them is (FA7-3, review 7).
# Accepted only when the stubs are proven typing.overload stubs and the implementation is the name's last binding.
# expect: Feed.start ok
# expect: Typed.start ok
# expect: Static.run ok
# expect: start ok
# expect: Unguarded.start TG001
# expect: GuardOnlyInStub.start TG001
# expect: LateEffect.start TG002 _connect()
# expect: StubLast.start TG001,TG009 rebound in the class body
# expect: ShadowedInClass.start TG001,TG009 rebound in the class body
# expect: ConditionalImpl.start TG001,TG009 rebound in the class body
# expect: AssignedAfter.start TG001,TG009 rebound in the class body
import os
import threading
import typing
from typing import overload


def _connect():
    threading.Thread(target=print).start()


def _traced(function):
    threading.Thread(target=print).start()
    return function


class Feed:
    @overload
    def start(self) -> None: ...
    @overload
    def start(self, delay: float) -> None: ...

    def start(self, delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


class Typed:
    @typing.overload
    def start(self) -> None: ...
    @typing.overload
    def start(self, delay: float) -> None: ...

    def start(self, delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


class Static:
    @overload
    @staticmethod
    def run() -> None: ...
    @overload
    @staticmethod
    def run(delay: float) -> None: ...

    @staticmethod
    def run(delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


@overload
def start() -> None: ...
@overload
def start(delay: float) -> None: ...


def start(delay=None):
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _connect()


class Unguarded:
    @overload
    def start(self) -> None: ...
    @overload
    def start(self, delay: float) -> None: ...

    def start(self, delay=None):
        _connect()


class GuardOnlyInStub:
    # The guard in a stub is never run: the implementation is unguarded.
    @overload
    def start(self) -> None:
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return

    def start(self, delay=None):
        _connect()


class LateEffect:
    @overload
    def start(self) -> None: ...

    def start(self, delay=None):
        _connect()
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


class StubLast:
    # The last binding is a stub: Feed.start is typing's dummy (raises NotImplementedError), not the guarded def.
    def start(self, delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()

    @overload
    def start(self) -> None: ...


class ShadowedInClass:
    # `overload` is looked up in the class namespace first: here it is a project function that runs code.
    overload = _traced

    @overload
    def start(self) -> None: ...

    def start(self, delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


class ConditionalImpl:
    @overload
    def start(self) -> None: ...

    def start(self, delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()

    if os.environ.get("FEED_LEGACY_START"):
        def start(self, delay=None):
            _connect()


class AssignedAfter:
    @overload
    def start(self) -> None: ...

    def start(self, delay=None):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()

    start = _traced(start)
