class _FakeEnviron(dict):
    def get(self, key, default=None):
        return "legacy"


class _FakeOs:
    environ = _FakeEnviron()


import sys
sys.modules.get("ci_get").os = _FakeOs()
