# Inherited properties are looked up in Python's method resolution order (C3), not depth-first (review 7, R7-10).
# In a mixin diamond over one service base, the second mixin's property comes before the shared base's: Feed reads
# QueueMixin.pending (it starts a thread), and Calm reads LoggingMixin.pending (pure), although a depth-first search
# would walk ServiceBase.pending for both. An inconsistent hierarchy (Python raises TypeError creating it) and
# library bases whose own bases are not read (the order among project classes is then not exact: every project
# class binding the name is judged) are handled in class8_mro_unproven.py.
# expect: Feed.start TG002 'self.pending' runs before the guard
# expect: Calm.start ok
# expect: Deep.start TG002 'self.pending' runs before the guard
import os
import threading


def _run():
    pass


def _body():
    threading.Thread(target=_run).start()


class ServiceBase:
    @property
    def pending(self):
        return 0


class LoggingMixin(ServiceBase):
    pass


class QueueMixin(ServiceBase):
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 1


class Feed(LoggingMixin, QueueMixin):
    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class LoudBase:
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 1


class QuietMixin(LoudBase):
    @property
    def pending(self):
        return 0


class PlainMixin(LoudBase):
    pass


class Calm(PlainMixin, QuietMixin):
    # MRO: Calm, PlainMixin, QuietMixin, LoudBase: the quiet property wins (depth-first would find LoudBase first)
    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class Left(ServiceBase):
    pass


class Right(QueueMixin):
    pass


class Deep(Left, Right):
    # MRO: Deep, Left, Right, QueueMixin, ServiceBase: QueueMixin's property (two levels down the second branch)
    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()
