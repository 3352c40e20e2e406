# Correct code that was flagged (issue 11 item 5, review 5): a pure loop over range() before the guard, a module flag
# rebound through `global` only to literals (its value is unknown, both branches are followed), a guard inside
# `try: ... except* E:`, a module-level lambda guard helper (walked like a def), a helper with try/finally. Each
# has a twin that really does something and stays flagged.
# expect: loop_range ok
# expect: loop_range_effect TG002 self_poll()
# expect: global_flag ok
# expect: global_object_flag TG002 _handle
# expect: except_star ok
# expect: except_star_effect TG002 _poll()
# expect: lambda_helper ok
# expect: lambda_parameter ok
# expect: lambda_effect TG001 _polling_hb()
# expect: lambda_rebound TG009 _rebound_hb
# expect: finally_helper ok
import os
import threading

_started = False
_calls = 0
_handle = None
_is_hb = lambda: os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
_hb_of = lambda value, wanted="heartbeat": value.lower() == wanted
_polling_hb = lambda: _poll() or os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
_rebound_hb = lambda: os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
_rebound_hb = lambda: False


class _Handle:
    def __bool__(self):
        threading.Thread(target=print).start()
        return False


def _poll():
    threading.Thread(target=print).start()


def self_poll():
    threading.Thread(target=print).start()


def _helper_finally():
    try:
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
    finally:
        pass


def _open():
    global _handle
    _handle = _Handle()


def loop_range(n=3):
    total = 0
    for _ in range(n):
        total += 1
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def loop_range_effect(n=3):
    for _ in range(n):
        self_poll()
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def global_flag():
    global _started, _calls
    if _started:
        return
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    _started = True
    _calls += 1
    threading.Thread(target=print).start()


def global_object_flag():
    if _handle:
        return
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def except_star():
    try:
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
    except* ValueError:
        pass
    threading.Thread(target=print).start()


def except_star_effect():
    try:
        _poll()
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
    except* ValueError:
        pass
    threading.Thread(target=print).start()


def lambda_helper():
    if _is_hb():
        return
    threading.Thread(target=print).start()


def lambda_parameter():
    if _hb_of(os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")):
        return
    threading.Thread(target=print).start()


def lambda_effect():
    if _polling_hb():
        return
    threading.Thread(target=print).start()


def lambda_rebound():
    if _rebound_hb():
        return
    threading.Thread(target=print).start()


def finally_helper():
    if _helper_finally():
        return
    threading.Thread(target=print).start()
