import importlib
import os

ENABLED_PLUGINS = os.environ.get("FEED_PLUGINS", "w9_deploy_module").split(",")


def load_plugins():
    for name in ENABLED_PLUGINS:
        importlib.import_module(name)


def load_named(name):
    return importlib.import_module(name)
