import importlib
import os


def backend(default):
    def register(cls):
        cls.backend = importlib.import_module(os.environ.get("FEED_BACKEND", default))
        return cls
    return register
