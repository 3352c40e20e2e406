import os

os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
