# A TG009 on the entry point itself (a decorator that is not transparent) does not end the analysis: the body is
# walked as if the decorator were transparent and its own findings are reported too, so suppressing TG009 (or
# `--ignore TG009`, `--select TG002`) removes only the TG009 (hostile review 6, R6-14).
# expect: start_suppressed TG002 threading.Thread(target=_run)
# expect: start_unsuppressed TG009,TG002 threading.Thread(target=_run)
# expect: start_decorated_guarded TG009 the decorator '@traced'
# expect: start_suppressed_guarded ok
import functools
import os
import threading


def _run():
    pass


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@traced
def start_suppressed():  # thor-guard: ignore[TG009] -- traced only records a span and calls the function
    threading.Thread(target=_run).start()
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


@traced
def start_unsuppressed():
    threading.Thread(target=_run).start()
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


@traced
def start_decorated_guarded():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()


@traced
def start_suppressed_guarded():  # thor-guard: ignore[TG009] -- traced only records a span and calls the function
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
