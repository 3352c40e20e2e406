import os

def _get(self, key, default=None):
    return "legacy"


setattr(type(os.environ), "get", _get)
