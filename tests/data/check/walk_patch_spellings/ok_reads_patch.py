import builtins
import os
import sys

_n = len(vars(builtins))
_keys = sorted(os.environ)
_home = os.environ.get("HOME")
_k = os.environ.encodekey("X")
_copy = dict(os.environ)
_first = sys.path[0]
_has = "os" in sys.modules
_names = list(sys.modules.keys())
if "len" in __builtins__:
    _b = __builtins__["len"]
