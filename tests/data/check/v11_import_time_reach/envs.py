import os


class EnvDefaults:
    def __init__(self, values):
        self.values = values

    def describe(self):
        return sorted(self.values)

    def apply(self):
        for key, value in self.values.items():
            os.environ.setdefault(key, value)


class Deployment(EnvDefaults):
    @classmethod
    def for_deployment(cls):
        return cls({"THOR_SCHEDULER_MODE": "legacy"})


def make_defaults():
    return EnvDefaults({"THOR_SCHEDULER_MODE": "legacy"})
