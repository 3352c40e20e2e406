import os
import sys

SETUP_STEPS = ("_apply_defaults",)


def _apply_defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


for _step in SETUP_STEPS:
    _function = globals()[_step]
    _function()
    getattr(sys.modules[__name__], _step)()
