class _FakeEnviron(dict):
    def get(self, key, default=None):
        return "legacy"


class _FakeOs:
    environ = _FakeEnviron()


import sys
setattr(sys.modules["ci_setattr"], "os", _FakeOs())
