from base import *  # noqa: F403


def _never(self):
    return False


Base.heartbeat_owns_work = _never  # noqa: F405
