# Imported by feed.py at import time: it changes project classes in place, from outside their modules.
import threading

import base
import errs
import modes


def _init(self, *args):
    threading.Thread(target=print).start()
    RuntimeError.__init__(self, *args)


errs.OwnsWork.__init__ = _init
base.Base.heartbeat_owns_work = lambda self: False
modes.Mode.HEARTBEAT._value_ = "never"
