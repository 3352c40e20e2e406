import collections.abc

def _get(self, key, default=None):
    return "legacy"


collections.abc.Mapping.get = _get
