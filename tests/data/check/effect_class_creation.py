# Everything Python evaluates when it creates a class runs before the guard (hostile VH-3, VH-4). Model: CPython
# 3.11-3.13 without `from __future__ import annotations`: a class body evaluates every variable annotation (also
# `x: T` without a value), a function body evaluates none (only the parts of a complex target: `D[k()]: int` calls
# k). `type(name, bases, ns)`, `types.new_class` and calling a metaclass create a class: the bases' metaclass,
# __init_subclass__ and __set_name__ run. Each TG002 case starts a thread when run; the `ok` ones run nothing.
# expect: start_class_annotation_with_value TG002 _effect()
# expect: start_class_annotation_without_value TG002 _effect()
# expect: start_class_method_annotation TG002 _effect()
# expect: start_complex_target_annotation TG002 _effect()
# expect: start_type_three_arguments TG002 type("Probe", (Plugin,), {})
# expect: start_type_empty_bases TG002 type("Probe", (), {"x": NAMED})
# expect: start_new_class TG002 types.new_class("Probe", (Plugin,))
# expect: start_metaclass_call TG002 Meta("Probe", (), {})
# expect: start_function_annotation ok
# expect: start_function_annotation_without_value ok
# expect: start_type_one_argument ok
import os
import threading
import types


def _effect():
    threading.Thread(target=print).start()
    return int


class Plugin:
    def __init_subclass__(cls, **kw):
        _effect()


class _Named:
    def __set_name__(self, owner, name):
        _effect()


class Meta(type):
    def __new__(mcs, name, bases, ns):
        _effect()
        return super().__new__(mcs, name, bases, ns)


D = {}
NAMED = _Named()


def start_class_annotation_with_value():
    class Cfg:
        retries: _effect() = 3

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(Cfg,)).start()


def start_class_annotation_without_value():
    class Cfg:
        retries: _effect()

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(Cfg,)).start()


def start_class_method_annotation():
    class Cfg:
        def run(self) -> _effect():
            pass

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(Cfg,)).start()


def start_complex_target_annotation():
    D[_effect()]: int
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_type_three_arguments():
    probe = type("Probe", (Plugin,), {})
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(probe,)).start()


def start_type_empty_bases():
    probe = type("Probe", (), {"x": NAMED})
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(probe,)).start()


def start_new_class():
    probe = types.new_class("Probe", (Plugin,))
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(probe,)).start()


def start_metaclass_call():
    probe = Meta("Probe", (), {})
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(probe,)).start()


def start_function_annotation():
    retries: _effect() = 3
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(retries,)).start()


def start_function_annotation_without_value():
    retries: _effect()
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_type_one_argument():
    kind = type("x")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(kind,)).start()
