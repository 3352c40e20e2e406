class _FakeEnviron(dict):
    def get(self, key, default=None):
        return "legacy"


class _FakeOs:
    environ = _FakeEnviron()


import sys
sys.modules["ci_dict_update"].__dict__.update(os=_FakeOs())
