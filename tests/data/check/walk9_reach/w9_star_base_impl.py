import os


class EnvDefaults:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
