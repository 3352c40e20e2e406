# `match` class and sequence patterns run code on the subject (review 7, R7-1), judged as the spelled-out
# operations: a class pattern calls isinstance() (a project or library class's metaclass __instancecheck__: as
# `isinstance(x, C)`, an effect) and reads its keyword attributes with getattr (an own or inherited property's
# getter is walked, __getattr__ is an effect); a sequence pattern calls len() and subscripts the subject (the
# dunders of self or of a possible project instance). Builtin-type patterns on plain values stay pure.
# expect: Keyword.start TG002 'Keyword(pending=1)' runs before the guard
# expect: Positional.start TG002 'Positional(1)' runs before the guard
# expect: Metaclass.start TG002 'Tick()' runs before the guard
# expect: ObjectKeyword.start TG002 'self.pending' runs before the guard
# expect: ObjectGetattr.start TG002 'self.pending' runs before the guard
# expect: OwnSequence.start TG002 '[first, second]' runs before the guard
# expect: start_project_instance TG002 '[only]' runs before the guard
# expect: Calm.start ok
# expect: start_plain_values ok
import collections.abc
import os
import threading


def _run():
    pass


def _body():
    threading.Thread(target=_run).start()


class Keyword:
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        match self:
            case Keyword(pending=1):
                return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Positional:
    __match_args__ = ("pending",)

    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        match self:
            case Positional(1):
                return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Meta(type):
    def __instancecheck__(cls, obj):
        threading.Thread(target=_run).start()
        return False


class Tick(metaclass=Meta):
    pass


class Metaclass:
    kind = "x"

    def start(self):
        match self.kind:
            case Tick():
                return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class ObjectKeyword:
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        match self:
            case object(pending=1):
                return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class ObjectGetattr:
    def __getattr__(self, name):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        match self:
            case object(pending=1):
                return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class OwnSequence(collections.abc.Sequence):
    def __len__(self):
        threading.Thread(target=_run).start()
        return 2

    def __getitem__(self, index):
        if index >= 2:
            raise IndexError(index)
        return index

    def start(self):
        match self:
            case [first, second]:
                pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class FeedList(collections.abc.Sequence):
    def __len__(self):
        threading.Thread(target=_run).start()
        return 1

    def __getitem__(self, index):
        if index >= 1:
            raise IndexError(index)
        return "quotes"


_FEEDS = FeedList()


def start_project_instance():
    match _FEEDS:
        case [only]:
            pass
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _body()


class Calm:
    limit = 3

    def start(self):
        match self:
            case object(limit=3):
                pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


def start_plain_values():
    pair = ("a", 1)
    match pair:
        case (str(name), int(count)):
            pass
        case [first, *rest]:
            pass
    match {"feed": 1}:
        case {"feed": int(n)}:
            pass
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _body()
