import os

ENV_NAME = "THOR_SCHEDULER_MODE"


def hbp0(name=ENV_NAME):
    value = os.environ.get(name, "heartbeat").lower()
    return value == "heartbeat"
