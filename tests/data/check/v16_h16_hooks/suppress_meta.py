# Hostile review 16: suppress() tests the exception with issubclass(), which runs a metaclass's __subclasscheck__.
# expect: start TG001
# expect: start_ok ok
import contextlib
import os
import threading


class _Meta(type):
    def __subclasscheck__(cls, sub):
        threading.Thread(target=print).start()
        return True


class Weird(Exception, metaclass=_Meta):
    pass


def start():
    with contextlib.suppress(Weird):
        raise ValueError("x")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_ok():
    with contextlib.suppress(KeyError, ValueError):
        raise ValueError("x")  # built-in classes only: type.__subclasscheck__
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
