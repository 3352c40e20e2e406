def _spy(*args, **kwargs):
    open("SENT", "a").write("spy ")
    return 0


import os
os.__builtins__["len"] = _spy
