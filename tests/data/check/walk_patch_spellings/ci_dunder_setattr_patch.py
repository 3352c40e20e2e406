class _FakeEnviron(dict):
    def get(self, key, default=None):
        return "legacy"


class _FakeOs:
    environ = _FakeEnviron()


import sys
object.__setattr__(sys.modules["ci_dunder_setattr"], "os", _FakeOs())
