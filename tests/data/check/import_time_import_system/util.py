ENV_NAME = "THOR_SCHEDULER_MODE"


def heartbeat_owns_work():
    import os

    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
