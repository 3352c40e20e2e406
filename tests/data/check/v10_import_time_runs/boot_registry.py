import importlib
import os


class Registry:
    def describe(self):
        return "plugins"

    def load(self):
        importlib.import_module(os.environ.get("FEED_PLUGINS", "feed_plugin"))


plugins = Registry()
plugins.load()
