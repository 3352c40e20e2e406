# A package serving `defaults` lazily (PEP 562) and exporting it in __all__: `from w12_lazy import *` asks
# __getattr__ for it; hasattr()/getattr() with a default do too.
import importlib

__all__ = ["BOUND", "defaults"]
_LAZY = {"defaults": "w12_lazy._deploy_defaults"}
BOUND = 1


def __getattr__(name):
    if name in _LAZY:
        return importlib.import_module(_LAZY[name])
    raise AttributeError(name)
