import os


def __getattr__(name):
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    return 1


def __dir__():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    return []
