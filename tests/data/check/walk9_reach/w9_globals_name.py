import os

SETUP_STEPS = ("_apply_defaults",)


def _apply_defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


for _step in SETUP_STEPS:
    globals()[_step]()
