import os


class EnvDefaults:
    def apply(self) -> None:
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


defaults: EnvDefaults = EnvDefaults()
defaults.apply()
