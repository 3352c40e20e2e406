import enum


class Mode(str, enum.Enum):
    HEARTBEAT = "heartbeat"
    LEGACY = "legacy"
