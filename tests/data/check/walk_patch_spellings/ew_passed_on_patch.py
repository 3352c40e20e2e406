import os


def _defaults(env):
    env["THOR_SCHEDULER_MODE"] = "legacy"


_defaults(os.environ)
