import os

X = 1
del X


def __getattr__(name):
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    return 1
