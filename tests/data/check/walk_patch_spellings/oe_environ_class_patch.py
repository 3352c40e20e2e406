import os

def _get(self, key, default=None):
    return "legacy"


os._Environ.get = _get
