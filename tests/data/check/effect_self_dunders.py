# Dunders of `self` — the entry point's own project class — run project code (hostile R4-11): formatting `self` in a
# log record or an f-string, `==`, truth through `__len__`, `in`, iteration, hashing, `getattr` through a project
# `__getattr__`, also when the dunder comes from a project base class. A class whose dunders are all built in (or
# inherited from a built-in base) keeps the operations pure. A parameter whose default is a project instance is that
# instance when the function is called without arguments (R4-18).
# expect: LoggedFeed.start TG002 self
# expect: FStringFeed.start TG002 self
# expect: EqFeed.start TG002 self == self.other
# expect: PoolFeed.start TG002 not self
# expect: ContainsFeed.start TG002 "es" in self
# expect: IterFeed.start TG002 self
# expect: HashFeed.start TG002 self
# expect: GetattrFeed.start TG002 getattr(self, "disabled", False)
# expect: InheritedFeed.start TG002 self
# expect: PlainFeed.start ok
# expect: Registry.start ok
# expect: start_default_clock TG002 clock
# expect: start_plain_default ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


def _effect():
    threading.Thread(target=print).start()


class LoggedFeed:
    def __str__(self):
        _effect()
        return "feed"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            logger.warning("%s: the heartbeat owns the feeds", self)
            return
        threading.Thread(target=print).start()


class FStringFeed:
    def __format__(self, spec):
        _effect()
        return "feed"

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return f"{self} is owned by the heartbeat"
        threading.Thread(target=print).start()


class EqFeed:
    other = None

    def __eq__(self, other):
        _effect()
        return False

    __hash__ = object.__hash__

    def start(self):
        same = self == self.other
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return same
        threading.Thread(target=print).start()


class PoolFeed:
    def __len__(self):
        _effect()
        return 1

    def start(self):
        if not self:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class ContainsFeed:
    def __contains__(self, name):
        _effect()
        return False

    def start(self):
        if "es" in self:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class IterFeed:
    def __iter__(self):
        _effect()
        return iter(())

    def start(self):
        names = [feed for feed in self]
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return names
        threading.Thread(target=print).start()


class HashFeed:
    def __hash__(self):
        _effect()
        return 1

    def start(self):
        seen = {self}
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return seen
        threading.Thread(target=print).start()


class GetattrFeed:
    def __getattr__(self, name):
        _effect()
        return False

    def start(self):
        if getattr(self, "disabled", False):
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class _Named:
    def __repr__(self):
        _effect()
        return "named"


class InheritedFeed(_Named):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.warning("%r: the heartbeat owns the feeds", self)
            return
        threading.Thread(target=print).start()


class PlainFeed:
    enabled = True

    def start(self):
        if not self or self == self.enabled or "x" in {self}:
            return
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.warning("%s: the heartbeat owns the feeds (%s)", self, f"{self!r}")
            return
        threading.Thread(target=print).start()


class Registry(dict):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.warning("registry %s (%d entries) is owned by the heartbeat", self, len(self))
            return
        threading.Thread(target=print).start()


class Clock:
    def __str__(self):
        _effect()
        return "wall clock"


_DEFAULT_CLOCK = Clock()


def start_default_clock(clock=_DEFAULT_CLOCK):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("heartbeat owns the feeds (clock: %s)", clock)
        return
    threading.Thread(target=print).start()


def start_plain_default(limit=5, name="feeds"):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("heartbeat owns %s (limit %s)", name, limit)
        return
    threading.Thread(target=print).start()
