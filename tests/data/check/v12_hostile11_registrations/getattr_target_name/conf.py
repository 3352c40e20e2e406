import os

MESSAGES = {}
MESSAGES[TimeoutError] = "timed out"


def __getattr__(name):
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
    return RuntimeError
