# Raising a trivial project exception class in the guard (FA8-8, review 8: EXC1): a class whose body binds no
# dunder, with no decorator or metaclass, built-in exception bases (or such project classes) runs only
# BaseException's own construction, as RuntimeError(...) does. Every way to run project code is still judged.
# expect: start ok
# expect: start_bare ok
# expect: start_derived ok
# expect: start_init TG002 'WithInit("heartbeat")'
# expect: start_str TG002 'WithStr("heartbeat")'
# expect: start_base_init TG002 'FromInit("heartbeat")'
# expect: start_meta TG002 'WithMeta("heartbeat")'
# expect: start_mixin TG002 'WithMixin("heartbeat")'
# expect: start_formats TG002
import os
import threading


class HeartbeatOwnsWork(RuntimeError):
    """Raised by legacy starters when the heartbeat scheduler is in charge."""


class Derived(HeartbeatOwnsWork):
    pass


class WithInit(RuntimeError):
    def __init__(self, message):
        threading.Thread(target=print).start()
        super().__init__(message)


class WithStr(RuntimeError):
    def __str__(self):
        threading.Thread(target=print).start()
        return "x"


class FromInit(WithInit):
    """A subclass of a class with an __init__."""


class _Meta(type):
    def __call__(cls, *args):
        threading.Thread(target=print).start()
        return super().__call__(*args)


class WithMeta(RuntimeError, metaclass=_Meta):
    pass


class _Mixin:
    pass


class WithMixin(_Mixin, RuntimeError):
    pass


class _Loud:
    def __str__(self):
        threading.Thread(target=print).start()
        return "loud"


def _mode():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()


def start():
    if _mode() == "heartbeat":
        raise HeartbeatOwnsWork("the heartbeat owns periodic work")
    threading.Thread(target=print).start()


def start_bare():
    if _mode() == "heartbeat":
        raise HeartbeatOwnsWork
    threading.Thread(target=print).start()


def start_derived():
    if _mode() == "heartbeat":
        raise Derived("heartbeat")
    threading.Thread(target=print).start()


def start_init():
    if _mode() == "heartbeat":
        raise WithInit("heartbeat")
    threading.Thread(target=print).start()


def start_str():
    if _mode() == "heartbeat":
        raise WithStr("heartbeat")
    threading.Thread(target=print).start()


def start_base_init():
    if _mode() == "heartbeat":
        raise FromInit("heartbeat")
    threading.Thread(target=print).start()


def start_meta():
    if _mode() == "heartbeat":
        raise WithMeta("heartbeat")
    threading.Thread(target=print).start()


def start_mixin():
    if _mode() == "heartbeat":
        raise WithMixin("heartbeat")
    threading.Thread(target=print).start()


def start_formats():
    if _mode() == "heartbeat":
        raise HeartbeatOwnsWork(_Loud())
    threading.Thread(target=print).start()
