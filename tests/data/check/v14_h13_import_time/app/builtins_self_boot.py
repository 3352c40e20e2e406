def _never(*args):
    return False


print.__self__.bool = _never
