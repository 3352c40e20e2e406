# Decorators on the entry point or a guard helper may run code first or replace the function.
# expect: Feed.start_decorated TG009 the decorator '@traced'
# expect: start_helper_decorated TG009 the decorator '@traced'
# expect: start_async_helper TG001 'async_mode()'
# expect: start_cached_helper ok
# expect: Feed.start_static ok
# expect: Feed.start_class ok
import functools
import os
import threading


def traced(function):
    threading.Thread(target=print).start()
    return function


@traced
def decorated_mode():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


async def async_mode():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


@functools.lru_cache(maxsize=None)
def cached_mode():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Feed:
    @traced
    def start_decorated(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    @staticmethod
    def start_static():
        if cached_mode():
            return
        threading.Thread(target=print).start()

    @classmethod
    def start_class(cls):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


def start_helper_decorated():
    if decorated_mode():
        return
    threading.Thread(target=print).start()


def start_async_helper():
    if async_mode():
        return
    threading.Thread(target=print).start()


def start_cached_helper():
    if cached_mode():
        return
    threading.Thread(target=print).start()
