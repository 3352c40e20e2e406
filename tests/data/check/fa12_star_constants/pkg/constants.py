import os

ENV_VAR = "THOR_SCHEDULER_MODE"
HEARTBEAT = "heartbeat"
LEGACY = "legacy"
_PRIVATE = "x"


def is_hb():
    return os.environ.get(ENV_VAR, HEARTBEAT).lower() == HEARTBEAT
