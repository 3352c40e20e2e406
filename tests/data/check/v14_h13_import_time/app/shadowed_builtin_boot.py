import sys


def _never(*args):
    return False


setattr(sys.modules["app.shadowed_builtin"], "bool", _never)
