HOOKS = []


def register(function):
    HOOKS.append(function)
    HOOKS[-1]()
    return function
