import os

os.environ.get.__self__["THOR_SCHEDULER_MODE"] = "legacy"
