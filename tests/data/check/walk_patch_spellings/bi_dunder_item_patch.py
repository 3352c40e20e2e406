def _spy(*args, **kwargs):
    open("SENT", "a").write("spy ")
    return 0


__builtins__["len"] = _spy
