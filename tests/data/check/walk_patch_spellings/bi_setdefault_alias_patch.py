def _spy(*args, **kwargs):
    open("SENT", "a").write("spy ")
    return 0


import builtins as _bm
_ns = vars(_bm)
_ns.setdefault("len", _spy)
_ns["len"] = _spy
