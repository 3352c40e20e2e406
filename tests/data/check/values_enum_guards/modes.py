import enum
from enum import Enum


class Mode(enum.Enum):
    """The scheduler modes."""

    HEARTBEAT = "heartbeat"
    LEGACY = "legacy"

    def describe(self):
        return self.name.lower()


class TextMode(str, Enum):
    HEARTBEAT = "heartbeat"


@enum.unique
class UniqueMode(Enum):
    HEARTBEAT = "heartbeat"


class MissingMode(Enum):
    HEARTBEAT = "heartbeat"

    @classmethod
    def _missing_(cls, value):
        return cls.HEARTBEAT


class AutoMode(Enum):
    HEARTBEAT = enum.auto()


class Base(Enum):
    pass


class EqMode(str, Enum):
    HEARTBEAT = "heartbeat"

    def __eq__(self, other):
        return False

    __hash__ = str.__hash__
