# A standard-library class decorator on the entry point's own class (FA8-5, review 8: DC1) is accepted as on a base:
# @dataclass adds dunders the body does not define and replaces no method. What it adds is still judged: a field's
# class-body default is not the instance's value (__init__ stores any), the generated __repr__/__eq__ are unknown
# dunders of self.
# expect: FeedService.start ok
# expect: Ordered.start ok
# expect: Skip.start TG002
# expect: Named.start TG009 the class decorator '@dataclass' on Named may store variable on every instance
# expect: Logs.start TG002 'self' runs inside the guard
# expect: Eq.start TG002 'self == self' runs before the guard
# expect: Child.start TG002 runs before the guard
# expect: Project.start TG009 the class decorator '@_register' may replace start
import dataclasses
import functools
import os
import threading
from dataclasses import dataclass, field


def _run():
    threading.Thread(target=print).start()


@dataclasses.dataclass
class FeedService:
    market: str = "xetra"
    interval: float = 60.0

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


@dataclass(frozen=True)
class Skip:
    skip: bool = False

    def start(self):
        if self.skip:
            _run()
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


@dataclass
class Named:
    variable: str = "THOR_SCHEDULER_MODE"

    def start(self):
        mode = os.environ.get(self.variable, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


@dataclass
class Logs:
    market: str = "xetra"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            print(f"{self}")
            return
        threading.Thread(target=print).start()


@dataclass
class Eq:
    items: list = field(default_factory=list)

    def start(self):
        if self == self:
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


@dataclass
class DataBase:
    skip: bool = False


class Child(DataBase):
    def start(self):
        if self.skip:
            _run()
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


@functools.total_ordering
class Ordered:
    rank: int = 0

    def __lt__(self, other):
        return self.rank < other.rank

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


REGISTRY = []


def _register(cls):
    REGISTRY.append(cls)
    return cls


@_register
class Project:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
