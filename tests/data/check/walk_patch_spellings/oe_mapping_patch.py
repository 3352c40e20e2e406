from collections.abc import Mapping

def _get(self, key, default=None):
    return "legacy"


Mapping.get = _get
