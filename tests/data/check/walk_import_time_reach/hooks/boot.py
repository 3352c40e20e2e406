import os


def setup(func=None):
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    return func


class Plugin:
    def __init__(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
