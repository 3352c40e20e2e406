from . import feed


def _compat_owns_work():
    # older deployments: only an explicit value selects the heartbeat
    return False


feed.heartbeat_owns_work = _compat_owns_work
