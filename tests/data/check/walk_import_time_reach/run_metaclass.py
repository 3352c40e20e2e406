# A project metaclass's __new__ runs when the class statement runs.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE at import time
import os
import threading

class _Meta(type):
    def __new__(mcs, name, bases, namespace):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return super().__new__(mcs, name, bases, namespace)


class _Model(metaclass=_Meta):
    pass


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
