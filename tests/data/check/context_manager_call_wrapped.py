# A generator made a context manager by a call, not a decorator (review AR3-5): `running = contextlib.contextmanager(
# _running)` is `@contextlib.contextmanager` by another spelling, so a guard in `_running` that returns before the
# yield makes every heartbeat-mode `with running():` raise RuntimeError("generator didn't yield") (TG005, as R9-15
# for the decorated form); the guard's branch must yield once and then return. A call that wraps another object of
# the same name (`_Other._spare`) makes no context manager of this def.
# expect: _running TG005 generator didn't yield
# expect: _began TG005 generator didn't yield
# expect: _running_ok ok
# expect: Feed._session TG005
# expect: Feed._run TG005
# expect: _spare ok
import contextlib
import os
import threading
from contextlib import contextmanager


def _running():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
    yield


running = contextlib.contextmanager(_running)


def _began():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
    yield


began = contextmanager(_began)


def _running_ok():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        yield
        return
    threading.Thread(target=print).start()
    yield


running_ok = contextlib.contextmanager(_running_ok)


class Feed:
    def _session(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
        yield

    session = contextlib.contextmanager(_session)

    def _run(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
        yield


Feed.run = contextlib.contextmanager(Feed._run)


def _spare():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
    yield


class _Other:
    @staticmethod
    def _spare():
        yield


spare = contextlib.contextmanager(_Other._spare)
