# `del NAME` anywhere in a function makes NAME a local of the whole function, like an assignment (R8-3, review 8:
# UL1/UL1b): the guard's `os` raises UnboundLocalError. A `del` in a nested function, of an attribute, or of a local
# after the guard changes nothing.
# expect: start_del_at_end TG001 'os' may be unbound here
# expect: start_del_never TG001 'os' may be unbound here
# expect: start_del_tuple TG001 'os' may be unbound here
# expect: start_del_nested ok
# expect: start_del_local ok
# expect: start_del_attribute ok
import os
import threading


class _Box:
    value = 1


def start_del_at_end():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
    del os


def start_del_never():
    try:
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    except Exception:
        mode = "legacy"
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
    if False:
        del os


def start_del_tuple():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
    del (threading, [os])


def start_del_nested():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return

    def _cleanup():
        os = 1
        del os

    threading.Thread(target=_cleanup).start()


def start_del_local():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    worker = threading.Thread(target=print)
    worker.start()
    del worker


def start_del_attribute():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    box = _Box()
    box.value = 2
    del box.value
    threading.Thread(target=print).start()
