import os


class Settings:
    class Defaults:
        @staticmethod
        def apply():
            os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
