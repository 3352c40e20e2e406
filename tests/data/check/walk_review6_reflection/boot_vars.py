import os

vars(os)["environ"]["THOR_SCHEDULER_MODE"] = "legacy"
