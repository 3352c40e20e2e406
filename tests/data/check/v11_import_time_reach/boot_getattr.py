from envs import EnvDefaults

defaults = EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"})
getattr(defaults, "apply")()
