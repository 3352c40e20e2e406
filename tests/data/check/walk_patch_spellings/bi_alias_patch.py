def _spy(*args, **kwargs):
    open("SENT", "a").write("spy ")
    return 0


import builtins
_b = builtins.__dict__
_b["len"] = _spy
