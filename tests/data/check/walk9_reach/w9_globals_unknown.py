import os


def _apply_defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def _nothing():
    pass


globals()[os.environ.get("SETUP_STEP", "_nothing")]()
