from envs import EnvDefaults

EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"})  # made and dropped: only its construction runs
