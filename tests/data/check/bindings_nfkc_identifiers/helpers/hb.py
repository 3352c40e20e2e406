import os


def is_hb():
    ｏｓ = None
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
