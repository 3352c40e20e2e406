from _unguarded import Unguarded

from . import svc
import inspect

for _n, _cls in inspect.getmembers(svc, inspect.isclass):
    _cls.start = Unguarded.start
