# Hostile review 20: classes changed in place by another module of the import walk (kinds 1-4), objects handed back
# by introspection attributes (kind 6), and operations that always raise inside a `try` (kind 5).
# expect: raise_patched TG002 OwnsWork("the heartbeat owns this work")
# expect: raise_plain ok
# expect: Feed.start TG001 patches 'base.Base.heartbeat_owns_work'
# expect: CleanFeed.start ok
# expect: enum_patched TG012
# expect: Gate.start TG002 __bool__
# expect: Introspected.start TG002 self.start.__self__
# expect: defaults_formatted TG002 _helper.__defaults__
# expect: zero_step TG002 threading.Thread(target=print)
# expect: slot_conflict TG002 threading.Thread(target=print)
# expect: good_slice ok
# expect: raise_reported TG002 SyntaxOwnsWork("the heartbeat owns this work")
import os
import threading

import patches  # noqa: F401
from base import Base, CleanBase
from errs import OwnsWork, Quiet
from modes import Mode


def raise_patched():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        raise OwnsWork("the heartbeat owns this work")
    threading.Thread(target=print).start()


def raise_plain():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        raise Quiet("the heartbeat owns this work")
    threading.Thread(target=print).start()


class Feed(Base):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class CleanFeed(CleanBase):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


def enum_patched():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == Mode.HEARTBEAT.value:
        return
    threading.Thread(target=print).start()


class Gate:
    def start(self):
        if not self:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class Introspected:
    def __repr__(self):
        threading.Thread(target=print).start()
        return "Introspected()"

    def start(self):
        label = str(self.start.__self__)
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print, args=(label,)).start()


class _Loud:
    def __repr__(self):
        threading.Thread(target=print).start()
        return "_Loud()"


def _helper(x=_Loud()):
    return x


def defaults_formatted():
    label = str(_helper.__defaults__)
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(label,)).start()


def zero_step():
    try:
        part = "abc"[1:2:0]
    except ValueError:
        threading.Thread(target=print).start()
        part = ""
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(part,)).start()


def slot_conflict():
    try:
        class _Point:
            __slots__ = ("x",)
            x = 1
    except ValueError:
        threading.Thread(target=print).start()
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def good_slice():
    try:
        part = "abc"[1:2]
    except ValueError:
        threading.Thread(target=print).start()
        part = ""
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(part,)).start()


class SyntaxOwnsWork(SyntaxError):
    """Review 19, H9: the traceback printer reads a SyntaxError's filename, here a project property."""

    @property
    def filename(self):
        threading.Thread(target=print).start()
        return "feed.py"


def raise_reported():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        raise SyntaxOwnsWork("the heartbeat owns this work")
    threading.Thread(target=print).start()


import gatepatch  # noqa: E402,F401  (patches Gate.__bool__ once Gate exists)
