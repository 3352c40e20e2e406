from .envdefaults import EnvDefaults


class Defaults(EnvDefaults):
    THOR_SCHEDULER_MODE = "legacy"
