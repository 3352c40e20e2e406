# Built-in constructors over literal displays are known immutable values (FA8-6, review 8: FH1): the list/set
# display is only the argument the builtin copies, no name refers to it. The neighbours stay unknown: a display
# holding a list (its element can change in place), a starred argument; a rebound `frozenset` is
# fa9_frozen_rebound.py.
# expect: start_frozenset_set ok
# expect: start_frozenset_list ok
# expect: start_tuple_list ok
# expect: start_nested TG009 holds a mutable container inside another value
# expect: start_starred TG009 mutable container
# expect: start_wrong_world TG006 the legacy body can never run
import os
import threading

HEARTBEAT_MODES = frozenset({"heartbeat"})
HEARTBEAT_LIST = frozenset(["heartbeat"])
HEARTBEAT_TUPLE = tuple(["heartbeat"])
NESTED = tuple([["heartbeat"]])
STARRED = frozenset([*["heartbeat"]])
BOTH = frozenset({"heartbeat", "legacy"})


def _mode():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()


def start_frozenset_set():
    if _mode() in HEARTBEAT_MODES:
        return
    threading.Thread(target=print).start()


def start_frozenset_list():
    if _mode() in HEARTBEAT_LIST:
        return
    threading.Thread(target=print).start()


def start_tuple_list():
    if _mode() in HEARTBEAT_TUPLE:
        return
    threading.Thread(target=print).start()


def start_nested():
    if [_mode()] in NESTED:
        return
    threading.Thread(target=print).start()


def start_starred():
    if _mode() in STARRED:
        return
    threading.Thread(target=print).start()


def start_wrong_world():
    if _mode() in BOTH:
        return
    threading.Thread(target=print).start()
