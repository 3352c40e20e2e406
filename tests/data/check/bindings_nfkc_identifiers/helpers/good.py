import os

DOC = "ｍode"


def is_hb():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
