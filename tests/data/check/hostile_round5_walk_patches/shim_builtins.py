import builtins


def _spy(x):
    open("SENT", "a").write("len ")
    return 0


builtins.len = _spy
