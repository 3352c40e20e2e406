class _FakeEnviron(dict):
    def get(self, key, default=None):
        return "legacy"


class _FakeOs:
    environ = _FakeEnviron()


import importlib
importlib.import_module("ci_import_module").os = _FakeOs()
