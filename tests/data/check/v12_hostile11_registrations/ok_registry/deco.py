REGISTRY = {}
HOOKS = []


def register(function):
    REGISTRY[function.__name__] = function
    HOOKS.append(function)
    if function is None:
        raise TypeError("nothing to register")
    return function
