import os

HOOKS = {}


def hook(func):
    HOOKS[func.__name__] = func
    return func


@hook
def scheduler_defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def _announce():
    return None


for _step in (_announce,):
    _step()  # a loop over named functions: the registry is never called at import time
