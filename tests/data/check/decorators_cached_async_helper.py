# functools.cache / lru_cache on an `async def` helper caches the coroutine object: the second call of the entry
# point awaits it again and raises RuntimeError in every world (hostile R4-6, AS1). Refused (TG009); the same cache
# on a plain helper is fine.
# expect: start_async TG009 functools.cache
# expect: start_async_lru TG009 functools.lru_cache
# expect: start_sync ok
import functools
import os
import threading


@functools.cache
async def heartbeat_owns_work():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


@functools.lru_cache(maxsize=None)
async def heartbeat_owns_work_lru():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


@functools.cache
def heartbeat_owns_work_sync():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


async def start_async():
    if await heartbeat_owns_work():
        return
    threading.Thread(target=print).start()


async def start_async_lru():
    if await heartbeat_owns_work_lru():
        return
    threading.Thread(target=print).start()


def start_sync():
    if heartbeat_owns_work_sync():
        return
    threading.Thread(target=print).start()
