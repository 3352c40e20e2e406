from envs import EnvDefaults

defaults = EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"})
KEYS = defaults.describe()  # only describe runs; apply is never called at import time
