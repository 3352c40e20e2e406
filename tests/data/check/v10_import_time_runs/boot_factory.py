import os


class EnvDefaults:
    def __init__(self, values):
        self.values = values

    @classmethod
    def from_env(cls):
        return cls({"THOR_SCHEDULER_MODE": os.environ.get("FEED_DEFAULT_MODE", "legacy")})

    def apply(self):
        for key, value in self.values.items():
            os.environ.setdefault(key, value)


defaults = EnvDefaults.from_env()
defaults.apply()
