# Hostile review 19: project objects made through map(), templates not known here, mangled spellings, namespace
# aliases and @dataclass(slots=True).
# expect: MapFeed.start TG002 self.markets may hold a project object
# expect: TemplateFeed.start TG002 a template not known here
# expect: MangledRead.start TG002
# expect: AliasDict.start TG009
# expect: SlotsDataclass.start TG006 @dataclass(slots=True)
# expect: PlainDataclass.start ok
# expect: OkFeed.start ok
import dataclasses
import logging
import os
import threading

logger = logging.getLogger(__name__)


def _mode_is_heartbeat():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Market:
    def __init__(self, code):
        self.code = code

    def __repr__(self):
        threading.Thread(target=print).start()
        return f"Market({self.code!r})"


class MapFeed:
    def __init__(self, codes=("EU",)):
        self.markets = list(map(Market, codes))

    def start(self):
        logger.warning("feed for %s", self.markets)  # formats Market.__repr__
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print).start()


class TemplateFeed:
    @property
    def busy(self):
        threading.Thread(target=print).start()
        return False

    def start(self):
        label = os.environ.get("FEED_LABEL", "{0.busy}").format(self)  # the default template reads the property
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print, args=(label,)).start()


class MangledRead:
    @property
    def __busy(self):  # stored as _MangledRead__busy
        threading.Thread(target=print).start()
        return False

    def start(self):
        if self._MangledRead__busy:
            return
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print).start()


class AliasDict:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def __init__(self, **overrides):
        namespace = self.__dict__
        namespace.update(overrides)  # AliasDict(VARIABLE="OTHER") shadows the class attribute

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Base:
    def heartbeat_owns_work(self):
        return _mode_is_heartbeat()


@dataclasses.dataclass(slots=True)
class SlotsDataclass(Base):
    def start(self):
        if super().heartbeat_owns_work():  # TypeError: the __class__ cell holds the class before slots=True remade it
            return
        threading.Thread(target=print).start()


@dataclasses.dataclass
class PlainDataclass(Base):
    def start(self):
        if super().heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class OkFeed:
    def __init__(self, codes=("EU",)):
        self.markets = list(map(str, codes))

    def start(self):
        logger.warning("feed for %s", self.markets)
        if _mode_is_heartbeat():
            return
        threading.Thread(target=print).start()
