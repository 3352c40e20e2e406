# jinja2.utils.internalcode's shape: the decorator stores the function's code object in a module-level set.
internal_code = set()


def internalcode(function):
    internal_code.add(function.__code__)
    return function


HOOKS = []


def hook(function):
    HOOKS.append(function)
    print("hooked", function.__qualname__)
    return function
