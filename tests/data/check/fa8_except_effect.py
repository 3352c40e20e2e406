# An effectful `except <expr>` before a correct guard is TG002 only, not also TG006 on the guard (FA7-2, review 7):
# the lenient walk sets the handler type aside, so its uncaught path ends before the guard and is not the guard's.
# expect: Called.start TG002 '_retryable()' runs before the guard
# expect: Property.start TG002 'self.retryable' runs before the guard
# expect: Caught.start ok
# expect: NeverCaught.start TG002 raises ValueError before the guard
# expect: NeverCaughtAttribute.start TG002 raises ValueError before the guard
import os
import threading


def _connect():
    threading.Thread(target=print).start()


def _retryable():
    _connect()
    return (ValueError,)


class Called:
    raw_limit = "ten"

    def start(self):
        try:
            limit = int(self.raw_limit)
        except _retryable():
            limit = 0
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


class Property:
    raw_limit = "ten"

    @property
    def retryable(self):
        _connect()
        return ValueError

    def start(self):
        try:
            limit = int(self.raw_limit)
        except self.retryable:
            limit = 0
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


class Caught:
    raw_limit = "ten"

    def start(self):
        try:
            limit = int(self.raw_limit)
        except ValueError:
            limit = 0
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


class NeverCaught:
    # int("ten") raises ValueError, which `except KeyError` does not catch: every world raises, no body ever runs.
    raw_limit = "ten"

    def start(self):
        try:
            limit = int(self.raw_limit)
        except KeyError:
            limit = 0
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()


class NeverCaughtAttribute:
    errors = (KeyError,)
    raw_limit = "ten"

    def start(self):
        try:
            limit = int(self.raw_limit)
        except self.errors:
            limit = 0
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _connect()
