# An operation that involves the mode value still runs the OTHER operand's code: `_OBJ[mode]` its __getitem__,
# `mode == _OBJ` its __eq__ (str.__eq__ defers to it), `mode + _OBJ` its __radd__, `mode.join(_OBJ)` its
# __iter__, `max(mode, _OBJ)` its comparison, `Registry[mode]` its __class_getitem__, and `self.client.get(mode)`
# is a call of an unknown method whatever its argument. All before the guard, all TG002 (each starts a thread).
# expect: start_subscript_with_mode TG002 _OBJ[mode]
# expect: start_compare_with_mode TG002 mode == _OBJ
# expect: start_add_mode TG002 mode + _OBJ
# expect: start_join_mode TG002 mode.join(_OBJ)
# expect: start_max_mode TG002 max(mode, _OBJ)
# expect: start_class_getitem_mode TG002 Registry[mode]
# expect: Feed.start_method_with_mode TG002 self.client.get(mode)
# expect: start_mode_with_literals ok
import os
import threading


def _effect():
    threading.Thread(target=print).start()


class _O:
    def __getitem__(self, key):
        _effect()
        return 1

    def __eq__(self, other):
        _effect()
        return False

    def __radd__(self, other):
        _effect()
        return other

    def __iter__(self):
        _effect()
        return iter(())

    def __lt__(self, other):
        _effect()
        return False

    def __gt__(self, other):
        _effect()
        return False

    def get(self, key):
        _effect()
        return key

    __hash__ = object.__hash__


_OBJ = _O()


class Registry:
    def __class_getitem__(cls, item):
        _effect()
        return cls


def start_subscript_with_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    value = _OBJ[mode]
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(value,)).start()


def start_compare_with_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    same = mode == _OBJ
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(same,)).start()


def start_add_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    text = mode + _OBJ
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(text,)).start()


def start_join_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    text = mode.join(_OBJ)
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(text,)).start()


def start_max_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    top = max(mode, _OBJ)
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(top,)).start()


def start_class_getitem_mode():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    kind = Registry[mode]
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(kind,)).start()


class Feed:
    def __init__(self):
        self.client = _O()

    def start_method_with_mode(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        status = self.client.get(mode)
        if mode == "heartbeat":
            return
        threading.Thread(target=print, args=(status,)).start()


def start_mode_with_literals():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    text = "mode=" + mode
    first = max(mode, "a")
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(text, first)).start()
