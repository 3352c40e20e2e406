import os

DEFAULTS = {"mode": "legacy"}
BANNER = f"scheduler defaults: {DEFAULTS["mode"]}"

os.environ.setdefault("THOR_SCHEDULER_MODE", DEFAULTS["mode"])
