# A decorator from a package's submodule that stores the method (or its code object) in a built-in container of its
# module does not call it at import time: the guard is proven (the package itself binds no 'codes', so only the
# submodule is asked).
# expect: start_internalcode ok
import os
import threading

from decopkg.codes import hook, internalcode


class Loader:
    @internalcode
    def load(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")

    @hook
    def reload(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start_internalcode():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
