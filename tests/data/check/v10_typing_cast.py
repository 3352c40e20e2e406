# typing.cast(T, value) returns value unchanged and runs nothing (review 9, FA9-5): the environment read inside it is
# the guard's read. Its arguments are still evaluated: a call inside it is judged as anywhere else.
# expect: start ok
# expect: start_effect TG001 _prepare()
import os
import threading
import typing


def _prepare():
    threading.Thread(target=print).start()
    return "heartbeat"


def heartbeat_owns_work() -> bool:
    raw = typing.cast(str, os.environ.get("THOR_SCHEDULER_MODE", "heartbeat"))
    return raw.lower() == "heartbeat"


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()


def start_effect():
    mode = typing.cast(str, _prepare())
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
