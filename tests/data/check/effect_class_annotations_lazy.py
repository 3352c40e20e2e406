# With `from __future__ import annotations` no annotation is evaluated, not even in a class body: a call or a
# `__class_getitem__` subscript in an annotation runs nothing (executed by the effect differential), while the
# value of an annotated assignment still runs (TG002).
# expect: start_lazy_annotation ok
# expect: start_lazy_class_getitem ok
# expect: start_value_still_runs TG002 _effect()
from __future__ import annotations

import os
import threading


def _effect():
    threading.Thread(target=print).start()
    return int


class Registry:
    def __class_getitem__(cls, item):
        _effect()
        return cls


def start_lazy_annotation():
    class Cfg:
        retries: _effect() = 3

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(Cfg,)).start()


def start_lazy_class_getitem():
    class Options:
        feeds: Registry["feed"] = ()

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(Options,)).start()


def start_value_still_runs():
    class Cfg:
        retries: int = _effect()

    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(Cfg,)).start()
