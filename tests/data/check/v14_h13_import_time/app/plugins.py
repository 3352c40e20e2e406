import os

from app.registry import hook


@hook
def legacy_mode():
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
