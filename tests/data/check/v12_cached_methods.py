# Review 9, FA9-5: `@functools.cache` / `@functools.lru_cache(maxsize=None)` on a guard-helper method is a wrapper
# that hashes its arguments - the instance included - and calls the method: walked as for a module function. An
# instance whose class defines __hash__ runs it first (an effect); a project decorator named `cache` is not functools'.
# expect: CachedFeed.start ok
# expect: LruFeed.start ok
# expect: HashingFeed.start TG001 self._mode()
# expect: OwnCacheFeed.start TG001
import functools
import os
import threading
from functools import lru_cache


def _effect():
    threading.Thread(target=print).start()


def cache(function):
    def wrapper(*args):
        _effect()
        return function(*args)

    return wrapper


class CachedFeed:
    @functools.cache
    def _mode(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()

    def start(self):
        if self._mode() == "heartbeat":
            return
        threading.Thread(target=print).start()


class LruFeed:
    @lru_cache(maxsize=None)
    def _heartbeat(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"

    def start(self):
        if self._heartbeat():
            return
        threading.Thread(target=print).start()


class HashingFeed:
    def __hash__(self):
        _effect()
        return 1

    @functools.lru_cache(maxsize=None)
    def _mode(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()

    def start(self):
        if self._mode() == "heartbeat":
            return
        threading.Thread(target=print).start()


class OwnCacheFeed:
    @cache
    def _mode(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()

    def start(self):
        if self._mode() == "heartbeat":
            return
        threading.Thread(target=print).start()
