import os

getattr(os, "env" + "iron")["THOR_SCHEDULER_MODE"] = "legacy"
