import os


def _defaults():
    _apply({"THOR_SCHEDULER_MODE": "legacy"})


def _apply(values):
    for key, value in values.items():
        os.environ[key] = value


_defaults()
