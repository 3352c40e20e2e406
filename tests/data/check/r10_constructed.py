# Review 10: project objects that reach an entry point from outside the class's own stores — a constructor
# parameter or a dataclass field annotated with a project class (A10-3), a free variable of a nested entry point
# bound in the enclosing function (R10-11) — and a base class that is what a project __class_getitem__ returns
# (R10-8), an alternate constructor storing on the object it made (A10-1). Executed by tests/check/test_review10.py with the objects the annotations name.
# expect: Injected.start TG002 runs before the guard
# expect: InjectedOptional.start TG002 runs before the guard
# expect: FieldInjected.start TG002 runs before the guard
# expect: make_worker.<locals>.start TG002 runs before the guard
# expect: Feed.start TG001,TG009 is what Service.__class_getitem__ returns
# expect: AltConstructor.start TG002 runs before the guard
# expect: InjectedPlain.start ok
# expect: make_plain_worker.<locals>.start ok
import dataclasses
import logging
import os
import threading
from typing import Optional

logger = logging.getLogger(__name__)


def _owns():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Market:
    def __init__(self, code="eu"):
        self.code = code

    def __str__(self):
        threading.Thread(target=print).start()
        return self.code


DEFAULT = "eu"


class Injected:
    def __init__(self, market: Market = None):
        self.market = market if market is not None else DEFAULT

    def start(self):
        logger.warning("starting the %s feed", self.market)
        if _owns():
            return
        threading.Thread(target=print).start()


class InjectedOptional:
    def __init__(self, market: "Optional[Market]" = None):
        self.market = market or DEFAULT

    def start(self):
        label = f"feed-{self.market}"
        if _owns():
            return
        threading.Thread(target=print, name=label).start()


@dataclasses.dataclass
class FieldInjected:
    market: Market

    def start(self):
        logger.warning("starting the %s feed", self.market)
        if _owns():
            return
        threading.Thread(target=print).start()


class AltConstructor:
    @classmethod
    def create(cls):
        feed = cls()
        feed.market = Market()
        return feed

    def __init__(self):
        self.market = "eu"

    def start(self):
        logger.warning("feed for %s", self.market)
        if _owns():
            return
        threading.Thread(target=print).start()


class InjectedPlain:
    def __init__(self, code: str = "eu"):
        self.code = code

    def start(self):
        logger.warning("starting the %s feed", self.code)
        if _owns():
            return
        threading.Thread(target=print).start()


def make_worker():
    market = Market()

    def start():
        logger.warning("starting %s", market)
        if _owns():
            return
        threading.Thread(target=print).start()

    return start


def make_plain_worker():
    market = "eu"

    def start():
        logger.warning("starting %s", market)
        if _owns():
            return
        threading.Thread(target=print).start()

    return start


class Instrumented:
    def heartbeat_owns_work(self):
        threading.Thread(target=print).start()  # reports to the metrics server
        return _owns()


class Service:
    def __class_getitem__(cls, item):
        return Instrumented

    def heartbeat_owns_work(self):
        return _owns()


class Feed(Service[int]):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()
