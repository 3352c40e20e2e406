# Review 10: project objects formatted before the guard that the dunder rule did not see (R10-4, R10-5, R10-7,
# R10-10, R10-13). `self.__dict__.update(...)` is a store the shadowing census cannot name: TG001 with the TG009 beside it (AR3-2). Each flagged entry point really runs a project __str__/__repr__/__format__ (which
# starts a thread here) in the heartbeat world; the ok ones format plain values.
# expect: EnumMember.start TG002 MarketEnum.EU
# expect: BoundMethodLogged.start TG002 runs before the guard
# expect: VarsStore.start TG002 runs before the guard
# expect: ObjectSetattr.start TG002 runs before the guard
# expect: SuperSetattr.start TG002 runs before the guard
# expect: DictUpdate.start TG001,TG009 may replace start on the instance or class
# expect: AssignedInit.start TG002 runs before the guard
# expect: MetaclassKind.start TG002 runs before the guard
# expect: DictFormatted.start TG002 runs before the guard
# expect: DictItem.start TG002 runs before the guard
# expect: PlainEnumMember.start ok
# expect: BoundMethodPlain.start ok
# expect: PlainDict.start ok
# expect: PlainAnnotation.start ok
import enum
import logging
import os
import threading

logger = logging.getLogger(__name__)


def _owns():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Market:
    def __init__(self, code="eu"):
        self.code = code

    def __str__(self):
        threading.Thread(target=print).start()
        return self.code

    def __repr__(self):
        threading.Thread(target=print).start()
        return self.code


class MarketEnum(str, enum.Enum):
    EU = "eu"

    def __str__(self):
        threading.Thread(target=print).start()
        return self.value


class PlainMarket(str, enum.Enum):
    EU = "eu"


class EnumMember:
    def start(self):
        label = f"feed-{MarketEnum.EU}"
        if _owns():
            return
        threading.Thread(target=print, name=label).start()


class PlainEnumMember:
    def start(self):
        label = f"feed-{PlainMarket.EU.value}"
        if _owns():
            return
        threading.Thread(target=print, name=label).start()


class BoundMethodLogged:
    def __repr__(self):
        threading.Thread(target=print).start()
        return "feed"

    def run(self):
        pass

    def start(self):
        logger.warning("scheduling %s", self.run)
        if _owns():
            return
        threading.Thread(target=self.run).start()


class BoundMethodPlain:
    def run(self):
        pass

    def start(self):
        logger.warning("scheduling %s", self.run)
        if _owns():
            return
        threading.Thread(target=self.run).start()


class VarsStore:
    def __init__(self):
        vars(self)["market"] = Market()

    def start(self):
        logger.warning("feed for %s", self.market)
        if _owns():
            return
        threading.Thread(target=print).start()


class ObjectSetattr:
    def __init__(self):
        object.__setattr__(self, "market", Market())

    def start(self):
        logger.warning("feed for %s", self.market)
        if _owns():
            return
        threading.Thread(target=print).start()


class SuperSetattr:
    def __init__(self):
        super().__setattr__("market", Market())

    def start(self):
        label = f"{self.market}"
        if _owns():
            return
        threading.Thread(target=print, name=label).start()


class DictUpdate:
    def __init__(self):
        self.__dict__.update(market=Market())

    def start(self):
        label = f"{self.market}"
        if _owns():
            return
        threading.Thread(target=print, name=label).start()


def _init_market(self):
    self.market = Market()


class AssignedInit:
    __init__ = _init_market

    def start(self):
        logger.warning("feed for %s", self.market)
        if _owns():
            return
        threading.Thread(target=print).start()


class Meta(type):
    def __str__(cls):
        threading.Thread(target=print).start()
        return cls.__name__


class Kind(metaclass=Meta):
    pass


class MetaclassKind:
    def __init__(self):
        self.kind = Kind

    def start(self):
        logger.warning("feed kind %s", self.kind)
        if _owns():
            return
        threading.Thread(target=print).start()


class DictFormatted:
    def __init__(self):
        self.market = Market()
        self.interval = 5

    def start(self):
        label = "%(market)s" % self.__dict__
        if _owns():
            return
        threading.Thread(target=print, name=label).start()


class DictItem:
    def __init__(self):
        self.market = Market()

    def start(self):
        label = f"feed-{self.__dict__['market']}"
        if _owns():
            return
        threading.Thread(target=print, name=label).start()


class PlainDict:
    def __init__(self):
        self.market = "eu"
        self.interval = 5

    def start(self):
        label = "%(market)s" % self.__dict__
        if _owns():
            return
        threading.Thread(target=print, name=label).start()


class PlainAnnotation:
    def __init__(self, code: str = "eu"):
        self.code = code

    def start(self):
        logger.warning("feed for %s", self.code)
        if _owns():
            return
        threading.Thread(target=print).start()
