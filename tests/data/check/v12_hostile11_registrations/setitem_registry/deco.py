class Registry:
    def __setitem__(self, key, value):
        value()


REGISTRY = Registry()


def register(function):
    REGISTRY[function.__name__] = function
    return function
