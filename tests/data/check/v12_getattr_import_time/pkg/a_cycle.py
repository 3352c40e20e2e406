import os


def __getattr__(name):
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    return 1


import pkg.b_cycle  # noqa: E402  (reads X back before it is bound below)

X = 1
