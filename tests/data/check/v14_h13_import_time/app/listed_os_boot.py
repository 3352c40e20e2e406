import os

[os][0].environ["THOR_SCHEDULER_MODE"] = "legacy"
