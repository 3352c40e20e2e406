from _unguarded import Unguarded

from . import svc

list(map(lambda c: setattr(c, "start", Unguarded.start), [svc.Feed]))
