# Allowed decorators only in the call shape that returns the function unchanged (hostile review 6, R6-1): `@receiver`
# bare replaces the function with receiver's inner decorator (every call raises TypeError); `@atexit.register(f)`
# applies f to it. And `global start` in a class body makes the def bind the module name (R6-13).
# expect: start_receiver_bare TG009 shape
# expect: start_register_called TG009 shape
# expect: Feed.start TG009 declares 'start' global
# expect: start_receiver_called ok
# expect: start_register_bare ok
import atexit
import functools
import os
import threading

from django.core.signals import request_started
from django.dispatch import receiver


def _run():
    pass


def _instrumented(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        threading.Thread(target=_run).start()
        return func(*args, **kwargs)

    return wrapper


@receiver
def start_receiver_bare(sender=None, **kwargs):
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


@atexit.register(_instrumented)
def start_register_called():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


@receiver(request_started)
def start_receiver_called(sender=None, **kwargs):
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


@atexit.register
def start_register_bare():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


class Base:
    def start(self):
        threading.Thread(target=_run).start()


class Feed(Base):
    global start

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
