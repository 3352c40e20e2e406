# A project module named like a standard-library module: any standard-library import may load it.
import os

os.environ["THOR_SCHEDULER_MODE"] = "legacy"


def system():
    return "Linux"
