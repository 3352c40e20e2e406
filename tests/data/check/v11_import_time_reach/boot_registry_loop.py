import os

HOOKS = {}


def hook(func):
    HOOKS[func.__name__] = func
    return func


@hook
def _scheduler_defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


for _name, _func in sorted(HOOKS.items()):
    _func()
