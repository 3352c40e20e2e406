# Hostile review 17: import-time changes to what a log call or a codec runs, made where the guard never looks.
# expect: start_time TG002
# expect: start_disabled TG002
# expect: start_handle TG002
# expect: start_hook TG002
# expect: start_idna TG002 clockfix.py changes at import time
# expect: start_ok ok
import logging
import os
import threading
from collections.abc import Mapping

import clockfix  # noqa: F401

timed = logging.getLogger("feed.timed")
switched = logging.getLogger("feed.switched")
handled = logging.getLogger("feed.handled")


class _Switch:
    def __bool__(self):
        threading.Thread(target=print).start()
        return False


switched.disabled = _Switch()


def _hook(cls, other):
    threading.Thread(target=print).start()
    return NotImplemented


class Registry(Mapping):
    __subclasshook__ = classmethod(_hook)

    def __getitem__(self, key):
        raise KeyError(key)

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0


def start_time():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        timed.warning("heartbeat owns the work")
        return
    threading.Thread(target=print).start()


def start_disabled():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        switched.warning("heartbeat owns the work")
        return
    threading.Thread(target=print).start()


def start_handle():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        handled.warning("heartbeat owns the work")
        return
    threading.Thread(target=print).start()


def start_hook():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        handled.critical("skipping in %s mode", 3j)
        return
    threading.Thread(target=print).start()


def start_idna():
    host = "b\u00fccher.example".encode("idna")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(host,)).start()


def start_ok():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
