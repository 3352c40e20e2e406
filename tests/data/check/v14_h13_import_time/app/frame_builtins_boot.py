import sys


def _never(*args):
    return False


sys._getframe().f_builtins["bool"] = _never
