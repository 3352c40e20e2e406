# Values that run code or raise in every world: `type(self)[int]` subscripts the own class, whose
# __class_getitem__ runs as for `Feed[int]` spelled by name (review 5, DX13); `format_map` with a positional field
# raises ValueError in every world, so the legacy body never runs (review 6, FM5: TG006, not "guarded"); its
# named fields read their attribute chains like `str.format`.
# expect: Subscripted.start TG002 'type(self)[int]' runs before the guard
# expect: ClassAttribute.start TG002 'self.__class__[int]' runs before the guard
# expect: FormatMap.start TG006 raises ValueError
# expect: FormatMapNamed.start TG002 '"{feed.pending}".format_map({"feed": self})' runs before the guard
# expect: Plain.start ok
import os
import threading


def _run():
    pass


def _body():
    threading.Thread(target=_run).start()


class Subscripted:
    def __class_getitem__(cls, item):
        threading.Thread(target=_run).start()
        return cls

    def start(self):
        alias = type(self)[int]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class ClassAttribute:
    def __class_getitem__(cls, item):
        threading.Thread(target=_run).start()
        return cls

    def start(self):
        alias = self.__class__[int]
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class FormatMap:
    @property
    def pending(self):
        return 0

    def start(self):
        label = "{0.pending}".format_map({0: self})
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class FormatMapNamed:
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        label = "{feed.pending}".format_map({"feed": self})
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Plain:
    def start(self):
        kind = type(self)
        label = "{name}".format_map({"name": "feed"})
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()
