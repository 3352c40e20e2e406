import os

X = 1


def __getattr__(name):
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    return 1
