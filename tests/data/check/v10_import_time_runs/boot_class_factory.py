import importlib
import os


class backend:
    """A class-based decorator factory: registers a backend and loads the configured plugins."""

    def __init__(self, name):
        self.name = name

    def __call__(self, cls):
        importlib.import_module(os.environ.get("FEED_PLUGINS", "feed_plugin"))
        return cls


@backend("xetra")
class XetraBackend:
    pass
