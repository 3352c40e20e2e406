from star_builtin_set.compat import *

HOOKS = set()


def register(function):
    HOOKS.add(function)
    return function
