import os

HOOKS = {}


def hook(func):
    HOOKS[func.__name__] = func
    return func


@hook
def scheduler_defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


HOOKS["scheduler_defaults"]()
