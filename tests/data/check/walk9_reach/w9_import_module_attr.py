import importlib

BOOTSTRAP_HOOKS = ["w9_deploy"]

for _hook in BOOTSTRAP_HOOKS:
    importlib.import_module(_hook).apply_defaults()
