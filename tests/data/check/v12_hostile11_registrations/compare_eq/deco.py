class Sentinel:
    def __eq__(self, other):
        other()
        return False


MISSING = Sentinel()


def register(function):
    if function == MISSING:
        raise TypeError
    return function
