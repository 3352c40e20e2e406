import os


def apply_defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
