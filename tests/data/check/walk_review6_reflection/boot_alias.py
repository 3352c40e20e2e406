import os


def _setup():
    env = os.environ
    env["THOR_SCHEDULER_MODE"] = "legacy"


_setup()
