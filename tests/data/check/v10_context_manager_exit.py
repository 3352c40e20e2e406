# A @contextmanager entry point whose guard returns before the one yield (review 9, R9-15): contextlib raises
# RuntimeError("generator didn't yield") from __enter__ in the caller's `with` in the heartbeat world. The guard's
# branch must yield once and then return (what apply inserts); a raise stays the guard's deliberate exit.
# expect: running TG005 generator didn't yield
# expect: running_falls_off TG005
# expect: running_ok ok
# expect: running_logged_ok ok
import contextlib
import logging
import os
import threading

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def running():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
    yield


@contextlib.contextmanager
def running_falls_off():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode != "heartbeat":
        threading.Thread(target=print).start()
        yield


@contextlib.contextmanager
def running_ok():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        yield
        return
    threading.Thread(target=print).start()
    yield


@contextlib.contextmanager
def running_logged_ok():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logger.debug("the heartbeat owns periodic work")
        yield
        return
    threading.Thread(target=print).start()
    yield
