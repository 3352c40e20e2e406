def _spy(*args, **kwargs):
    open("SENT", "a").write("spy ")
    return 0


import builtins
vars(builtins)["len"] = _spy
