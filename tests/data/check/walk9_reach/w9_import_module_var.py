import importlib

_module = importlib.import_module("w9_deploy")
_module.apply_defaults()
