from envs import EnvDefaults

DEFAULTS = EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"})  # made here, applied by whoever imports it
