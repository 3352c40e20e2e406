import os


def heartbeat_owns_work():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
