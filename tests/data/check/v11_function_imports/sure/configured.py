"""Inert: a docstring, a literal, a def."""
LIMIT = 3


def heartbeat_owns_work() -> bool:
    import os

    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
