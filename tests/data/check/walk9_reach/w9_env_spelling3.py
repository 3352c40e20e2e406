import os

os.getenv.__globals__["environ"]["THOR_SCHEDULER_MODE"] = "legacy"
