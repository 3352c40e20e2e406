from envs import EnvDefaults


def configure():
    defaults = EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"})
    defaults.apply()


configure()
