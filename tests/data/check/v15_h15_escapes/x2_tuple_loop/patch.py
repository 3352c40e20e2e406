from _unguarded import Unguarded

from . import svc

for _cls in (svc.Feed,):
    _cls.start = Unguarded.start
