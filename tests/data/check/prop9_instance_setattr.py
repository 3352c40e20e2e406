# Per-instance stores spelled with the receiver in the arguments are the same store as `self.X = v` (review 8, R8-9):
# `object.__setattr__(self, "X", v)`, `super().__setattr__("X", v)`, `Feed.__setattr__(self, …)`,
# `dict.update(self.__dict__, X=v)`, `dict.__setitem__(vars(self), "X", v)`. Replacing the guard's class attribute
# (the variable name) or the entry point itself per instance is TG009 naming the store. The forwarding call inside an
# own `__setattr__` (every `x.name = v` store already counts) does not unprove the class's attributes.
# expect: ObjectSetattr.start TG009 object.__setattr__(self, "VARIABLE", "PATH")
# expect: SuperSetattr.start TG009 super().__setattr__("VARIABLE", "PATH")
# expect: ClassSetattr.start TG009 ClassSetattr.__setattr__(self, "VARIABLE", "PATH")
# expect: DictUpdate.start TG009 dict.update(self.__dict__, VARIABLE="PATH")
# expect: ReplacedStart.start TG009 object.__setattr__(self, "start", self._legacy_start)
# expect: ReplacedBySetitem.start TG009 dict.__setitem__(vars(self), "start", self._legacy_start)
# expect: Forwarding.start ok
import os
import threading


def _run():
    pass


class ObjectSetattr:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def __init__(self):
        object.__setattr__(self, "VARIABLE", "PATH")

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=_run).start()


class SuperSetattr:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def __init__(self):
        super().__setattr__("VARIABLE", "PATH")

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=_run).start()


class ClassSetattr:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def __init__(self):
        ClassSetattr.__setattr__(self, "VARIABLE", "PATH")

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=_run).start()


class DictUpdate:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def __init__(self):
        dict.update(self.__dict__, VARIABLE="PATH")

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=_run).start()


class ReplacedStart:
    def __init__(self):
        object.__setattr__(self, "start", self._legacy_start)

    def _legacy_start(self):
        threading.Thread(target=_run).start()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class ReplacedBySetitem:
    def __init__(self):
        dict.__setitem__(vars(self), "start", self._legacy_start)

    def _legacy_start(self):
        threading.Thread(target=_run).start()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class Forwarding:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def __setattr__(self, name, value):
        super().__setattr__(name, value)

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=_run).start()
