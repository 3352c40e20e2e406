from envs import EnvDefaults

defaults, _ = EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"}), None
defaults.apply()
