def _spy(*args, **kwargs):
    open("SENT", "a").write("spy ")
    return 0


import builtins
builtins.__dict__.update(len=_spy)
