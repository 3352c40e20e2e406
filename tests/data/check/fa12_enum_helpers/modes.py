import enum
import os


class SchedulerMode(enum.Enum):
    HEARTBEAT = "heartbeat"
    LEGACY = "legacy"
    BEAT = "heartbeat"  # an alias: the same member as HEARTBEAT


class EqMode(enum.Enum):
    HEARTBEAT = "heartbeat"
    LEGACY = "legacy"

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


def scheduler_mode():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return SchedulerMode.HEARTBEAT
    return SchedulerMode.LEGACY


def eq_mode():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return EqMode.HEARTBEAT
    return EqMode.LEGACY
