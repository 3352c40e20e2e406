import importlib

_LAZY = {"defaults": "w9_lazy._deploy_defaults"}
BOUND = 1


def __getattr__(name):
    if name in _LAZY:
        return importlib.import_module(_LAZY[name])
    raise AttributeError(name)
