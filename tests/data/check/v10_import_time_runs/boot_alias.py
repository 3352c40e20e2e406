import importlib
import os


def load_plugins():
    importlib.import_module(os.environ.get("FEED_PLUGINS", "feed_plugin"))


setup = load_plugins
setup()
