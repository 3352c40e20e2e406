# Hostile review 16: a bounded lru_cache evicts on a miss, and the evicted key's __del__ runs.
# expect: start TG009 bounded cache
# expect: start_ok ok
import functools
import os
import threading


class _Token:
    def __del__(self):
        threading.Thread(target=print).start()


@functools.lru_cache(maxsize=1)
def heartbeat_owns_work(_token=None):
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


@functools.lru_cache(maxsize=None)
def heartbeat_owns_work_unbounded():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


heartbeat_owns_work(_Token())


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()


def start_ok():
    if heartbeat_owns_work_unbounded():
        return
    threading.Thread(target=print).start()
