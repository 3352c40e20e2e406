# Inherited reads through library bases (review 7, R7-10; an inconsistent hierarchy is class8_mro_inconsistent.py).
# A library base is modelled without its own bases, so the order among project classes may differ from Python's: then every project class that
# binds the name is judged. Here Python's order is Mixed, TimerBase, threading.Timer, ThreadBase, threading.Thread,
# Quiet, ... (threading.Timer derives from threading.Thread), so ThreadBase.pending (a thread) wins over
# Quiet.pending; a model without Timer's bases would put Quiet first.
# expect: Mixed.start TG002 'self.pending' runs before the guard
# expect: LibraryOnly.start ok
import os
import threading


def _run():
    pass


def _body():
    threading.Thread(target=_run).start()


class Quiet:
    @property
    def pending(self):
        return 0


class Other:
    pass


class TimerBase(threading.Timer, Quiet):
    pass


class ThreadBase(threading.Thread, Other):
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 1


class Mixed(TimerBase, ThreadBase):
    def __init__(self):
        threading.Timer.__init__(self, 1.0, _run)

    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()


class LibraryOnly(threading.Thread, Quiet):
    # one project class binds pending: whatever the library's order, reading it runs Quiet's pure getter (or a
    # library attribute, assumption 7)
    def start(self):
        label = self.pending
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        _body()
