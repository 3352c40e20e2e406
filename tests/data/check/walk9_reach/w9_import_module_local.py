import importlib


def _boot(name):
    module = importlib.import_module("w9_deploy")
    module.apply_defaults()


_boot("x")
