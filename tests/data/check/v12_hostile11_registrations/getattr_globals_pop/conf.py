import os

LIMIT = 10
globals().pop("LIMIT")


def __getattr__(name):
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
    return 10
