import os
import sys

if sys.version_info < (3, 0):
    X = 1


def __getattr__(name):
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    return 1
