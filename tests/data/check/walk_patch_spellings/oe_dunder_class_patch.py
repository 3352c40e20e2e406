import os

def _get(self, key, default=None):
    return "legacy"


os.environ.__class__.get = _get
