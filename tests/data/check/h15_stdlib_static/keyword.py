kwlist = []


def iskeyword(name):
    return False
