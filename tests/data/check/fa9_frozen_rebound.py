# `frozenset` rebound in the module (to a function returning the list itself): `frozenset([...])` is not the
# builtin's copy, the list survives and may change in place (the neighbour of fa9_frozen_constants).
# expect: start TG009 HEARTBEAT_MODES
import os
import threading


def frozenset(items):  # noqa: A001
    return items


HEARTBEAT_MODES = frozenset(["heartbeat"])


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() in HEARTBEAT_MODES:
        return
    threading.Thread(target=print).start()
