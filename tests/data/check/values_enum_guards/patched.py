import enum


class Mode(enum.Enum):
    HEARTBEAT = "heartbeat"


Mode.HEARTBEAT._value_ = "legacy"
