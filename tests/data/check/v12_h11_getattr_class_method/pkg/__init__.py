import os


class _Defaults:
    @staticmethod
    def apply():
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def __getattr__(name):
    if name == "Defaults":
        return _Defaults
    raise AttributeError(name)
