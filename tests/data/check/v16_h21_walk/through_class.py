import base


def _never(self):
    return False


base.Base().__class__.heartbeat_owns_work = _never
