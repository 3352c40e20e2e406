import os


class Settings:
    def _env(name, default):
        return os.environ.setdefault(name, default)

    SCHEDULER_MODE = _env("THOR_SCHEDULER_MODE", "legacy")
    FEED_INTERVAL = int(_env("FEED_INTERVAL", "60"))

    del _env
