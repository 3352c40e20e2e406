from envs import EnvDefaults

EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"}).apply()
