from envs import EnvDefaults


class Settings:
    defaults = EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"})
    defaults.apply()
