# R5-8: the parent package patches the analysed submodule through its namespace.
from . import feed


def _compat_owns_work():
    return False


vars(feed)["heartbeat_owns_work"] = _compat_owns_work
