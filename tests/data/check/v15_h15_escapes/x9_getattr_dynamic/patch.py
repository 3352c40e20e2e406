from _unguarded import Unguarded

from . import svc

_name = "Fe" + "ed"
getattr(svc, _name).start = Unguarded.start
