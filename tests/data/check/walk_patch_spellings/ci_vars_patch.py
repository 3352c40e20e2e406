class _FakeEnviron(dict):
    def get(self, key, default=None):
        return "legacy"


class _FakeOs:
    environ = _FakeEnviron()


import sys
vars(sys.modules["ci_vars"])["os"] = _FakeOs()
