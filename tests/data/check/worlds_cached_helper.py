"""A cached guard helper keys its cache by ``==``: ``1 == 1.0 == True`` share one entry (hostile case LC).

``is_hb(1.0)`` reads the old variable and fills the entry that ``is_hb(True)``
then returns, so the guard consults the wrong variable in every world. A number
passed to a cached helper is TG009 (any earlier call in the process may have
filled the entry). So is a string (hostile review 12, H7): an earlier call with a
str subclass whose __eq__ says True and whose __hash__ is hash("THOR_SCHEDULER_MODE")
fills the entry the literal then reads.
"""
# expect: start_numbers TG009 cached helper
# expect: start_strings TG009 cached helper
import functools
import os
import threading


def _noop():
    pass


@functools.lru_cache
def is_hb(flag):
    name = "THOR_SCHEDULER_MODE" if flag is True else "THOR_SCHEDULER_MODE_OLD"
    return os.environ.get(name, "heartbeat").lower() == "heartbeat"


@functools.cache
def is_hb_named(name):
    return os.environ.get(name, "heartbeat").lower() == "heartbeat"


def start_numbers():
    warm = is_hb(1.0)
    if is_hb(True):
        return
    threading.Thread(target=_noop).start()


def start_strings():
    if is_hb_named("THOR_SCHEDULER_MODE"):
        return
    threading.Thread(target=_noop).start()
