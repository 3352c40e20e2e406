# A guard that raises inside `with contextlib.suppress(...)`: when the suppress may swallow the raise, the function
# goes on after the with block in heartbeat mode (TG005 naming the suppress, review 6 SU1); when the raised built-in
# class is provably not one the suppress catches, the raise leaves the function and the guard is correct.
# expect: swallowed_builtin TG005 which may swallow it
# expect: swallowed_project TG005 'with contextlib.suppress(SkipStart)'
# expect: swallowed_base_class TG005 which may swallow it
# expect: swallowed_unknown_argument TG005 which may swallow it
# expect: not_caught_builtin ok
# expect: not_caught_two_builtins ok
# expect: return_inside_suppress ok
# expect: shadowed_builtin TG005
import contextlib
import os
import threading

ERRORS = (RuntimeError,)


class SkipStart(Exception):
    pass


def _connect():
    threading.Thread(target=print).start()


def swallowed_builtin():
    with contextlib.suppress(RuntimeError):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise RuntimeError("heartbeat owns this work")
    _connect()


def swallowed_project():
    with contextlib.suppress(SkipStart):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise SkipStart("heartbeat owns this work")
    _connect()


def swallowed_base_class():
    with contextlib.suppress(Exception):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise RuntimeError("heartbeat owns this work")
    _connect()


def swallowed_unknown_argument():
    with contextlib.suppress(*ERRORS):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise RuntimeError("heartbeat owns this work")
    _connect()


def not_caught_builtin():
    with contextlib.suppress(KeyError):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise RuntimeError("heartbeat owns this work")
    _connect()


def not_caught_two_builtins():
    with contextlib.suppress(KeyError, ValueError):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise RuntimeError
    _connect()


def return_inside_suppress():
    with contextlib.suppress(RuntimeError):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
    _connect()


def shadowed_builtin():
    # A local class named like the built-in: `raise RuntimeError` raises the subclass of KeyError, which is swallowed.
    class RuntimeError(KeyError):
        pass

    with contextlib.suppress(KeyError):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            raise RuntimeError("heartbeat owns this work")
    _connect()
