# A class attribute is its class-body literal only on a plain class (no base but object, no metaclass): enum's
# EnumType turns `HEARTBEAT = "heartbeat"` into a member that never equals the string, a NamedTuple field is a
# descriptor, and a base's __init_subclass__ may rewrite the value (hostile review 5, R5-10, R5-11).
# expect: start_enum TG012 Mode.HEARTBEAT
# expect: start_named_tuple TG012 Fields.HEARTBEAT
# expect: start_subclass TG012 Derived.HEARTBEAT
# expect: start_plain ok
import enum
import os
import threading
from typing import NamedTuple


class Mode(enum.Enum):
    HEARTBEAT = "heartbeat"


class Fields(NamedTuple):
    HEARTBEAT: str = "heartbeat"


class Base:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.HEARTBEAT = "legacy"


class Derived(Base):
    HEARTBEAT = "heartbeat"


class Plain:
    OWNER = "heartbeat"  # another name: the store `cls.HEARTBEAT = …` above makes every `.HEARTBEAT` here unknown


def start_enum():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Mode.HEARTBEAT:
        return
    threading.Thread(target=print).start()


def start_named_tuple():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Fields.HEARTBEAT:
        return
    threading.Thread(target=print).start()


def start_subclass():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Derived.HEARTBEAT:
        return
    threading.Thread(target=print).start()


def start_plain():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Plain.OWNER:
        return
    threading.Thread(target=print).start()
