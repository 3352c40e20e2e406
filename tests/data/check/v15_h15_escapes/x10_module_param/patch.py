from _unguarded import Unguarded

from . import svc

def _patch(module):
    for value in vars(module).values():
        if isinstance(value, type):
            value.start = Unguarded.start


_patch(svc)
