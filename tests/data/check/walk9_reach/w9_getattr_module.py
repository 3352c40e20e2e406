import importlib

getattr(importlib.import_module("w9_deploy"), "apply_defaults")()
