# Instance state formatted in the guard's branch runs the dunders of the object stored there (review 9, R9-1): an
# f-string field, a `%` operand, str(), format(), a log argument, an exception argument all format it. The object is
# found wherever the class hierarchy's methods store it: a direct or aliased constructor, a project base's
# __init__, an alternate constructor (classmethod), a factory function, the `x or Market()` idiom, a tuple store,
# setattr, a dataclass default_factory, a value handed through a local. Plain values stay assumption 4: strings,
# numbers, environment reads, parameters, built-in containers of those, library objects, project objects whose
# class has no formatting dunder.
# expect: FString.start TG002 runs inside the guard
# expect: Percent.start TG002 runs inside the guard
# expect: StrCall.start TG002 runs inside the guard
# expect: FormatCall.start TG002 runs inside the guard
# expect: Logged.start TG002 runs inside the guard
# expect: Raised.start TG002 runs inside the guard
# expect: FromBase.start TG002 runs inside the guard
# expect: AltConstructor.start TG002 runs inside the guard
# expect: Factory.start TG002 runs inside the guard
# expect: DefaultIdiom.start TG002 runs inside the guard
# expect: TupleStore.start TG002 runs inside the guard
# expect: SetattrStore.start TG002 runs inside the guard
# expect: ThroughLocal.start TG002 runs inside the guard
# expect: FromMethod.start TG002 runs inside the guard
# expect: ShadowedClassDefault.start TG002 runs inside the guard
# expect: InContainer.start TG002 runs inside the guard
# expect: DataclassFactory.start TG002 runs inside the guard
# expect: PlainString.start ok
# expect: PlainParameter.start ok
# expect: PlainEnvironment.start ok
# expect: PlainContainer.start ok
# expect: PlainLibrary.start ok
# expect: PlainProjectObject.start ok
# expect: PlainAttributeOfObject.start ok
# expect: PlainStrMethod.start ok
import dataclasses
import logging
import os
import threading

logger = logging.getLogger(__name__)


def _owns():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Market:
    def __init__(self, code="xetra"):
        self.code = code

    def __str__(self):
        threading.Thread(target=print).start()
        return self.code

    def __repr__(self):
        threading.Thread(target=print).start()
        return self.code

    def __format__(self, spec):
        threading.Thread(target=print).start()
        return self.code

    @classmethod
    def from_code(cls, code):
        return cls(code)


class Venue:
    def __init__(self, code="xetra"):
        self.code = code


def make_market():
    market = Market()
    return market


class FString:
    def __init__(self):
        self.market = Market()

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}: the heartbeat owns periodic work")
            return
        threading.Thread(target=print).start()


class Percent:
    def __init__(self):
        self.market = Market()

    def start(self):
        if _owns():
            logger.debug("feed for %s" % self.market)
            return
        threading.Thread(target=print).start()


class StrCall:
    def __init__(self):
        self.market = Market()

    def start(self):
        if _owns():
            logger.debug("feed for " + str(self.market))
            return
        threading.Thread(target=print).start()


class FormatCall:
    def __init__(self):
        self.market = Market()

    def start(self):
        if _owns():
            logger.debug("feed for {}".format(self.market))
            return
        threading.Thread(target=print).start()


class Logged:
    def __init__(self):
        self.market = Market()

    def start(self):
        if _owns():
            logger.warning("feed for %s", self.market)
            return
        threading.Thread(target=print).start()


class Raised:
    def __init__(self):
        self.market = Market()

    def start(self):
        if _owns():
            raise RuntimeError(self.market)
        threading.Thread(target=print).start()


class Service:
    def __init__(self):
        self.market = Market()


class FromBase(Service):
    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class AltConstructor:
    def __init__(self):
        self.market = Market.from_code("xetra")

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class Factory:
    def __init__(self):
        self.market = make_market()

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class DefaultIdiom:
    def __init__(self, market=None):
        self.market = market or Market()

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class TupleStore:
    def __init__(self):
        self.market, self.count = Market(), 0

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class SetattrStore:
    def __init__(self):
        setattr(self, "market", Market())

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class ThroughLocal:
    def __init__(self):
        made = Market()
        self.market = made

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class FromMethod:
    def __init__(self):
        self.market = self._make()

    def _make(self):
        return Market()

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class ShadowedClassDefault:
    market = None

    def __init__(self):
        self.market = Market()

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class InContainer:
    def __init__(self):
        self.markets = [Market()]

    def start(self):
        if _owns():
            logger.debug(f"feeds: {self.markets}")
            return
        threading.Thread(target=print).start()


@dataclasses.dataclass
class DataclassFactory:
    market: Market = dataclasses.field(default_factory=Market)

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class PlainString:
    def __init__(self):
        self.market = "xetra"

    def start(self):
        if _owns():
            logger.warning(f"feed for {self.market}: %s", self.market)
            return
        threading.Thread(target=print).start()


class PlainParameter:
    def __init__(self, market="xetra"):
        self.market = market

    def start(self):
        if _owns():
            logger.warning(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class PlainEnvironment:
    def __init__(self):
        self.market = os.environ.get("FEED_MARKET", "xetra")

    def start(self):
        if _owns():
            logger.warning(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class PlainContainer:
    def __init__(self):
        self.markets = ["xetra", "lse"]
        self.limits = {"xetra": 1}

    def start(self):
        if _owns():
            logger.warning(f"feeds: {self.markets} {self.limits}")
            return
        threading.Thread(target=print).start()


class PlainLibrary:
    def __init__(self):
        self.lock = threading.Lock()

    def start(self):
        if _owns():
            logger.warning("lock %s", self.lock)
            return
        threading.Thread(target=print).start()


class PlainProjectObject:
    def __init__(self):
        self.venue = Venue()

    def start(self):
        if _owns():
            logger.warning(f"venue {self.venue}")
            return
        threading.Thread(target=print).start()


class PlainAttributeOfObject:
    def __init__(self):
        self.market = Market()

    def start(self):
        if _owns():
            logger.warning(f"feed for {self.market.code}")
            return
        threading.Thread(target=print).start()


class PlainStrMethod:
    def __init__(self, name="xetra"):
        self.market = name.strip().upper()

    def start(self):
        if _owns():
            logger.warning(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()
