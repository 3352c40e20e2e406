import os

def _get(self, key, default=None):
    return "legacy"


type(os.environ).get = _get
