# Review 9, FA9-16/FA9-17: class creation that cannot replace the entry point. `metaclass=abc.ABCMeta` keeps the body's
# functions (as the base abc.ABC does); a project base whose __init_subclass__ only records the subclass in a
# module-level dict/list is an effect on that module's container at import time, not on the class. A hook that
# stores on the class, or registers into an object of a project class, and a project metaclass stay unproven.
# expect: AbstractSvc.start ok
# expect: AbcSvc.start ok
# expect: Registered.start ok
# expect: KeyedSvc.start ok
# expect: ReplacedSvc.start TG009 __init_subclass__
# expect: TableSvc.start TG009 __init_subclass__
# expect: MetaSvc.start TG009 metaclass
import abc
import os
import threading

from registry import IntoObject, Keyed, Meta, Plugin, Replacing


class AbstractSvc(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def run(self): ...

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class AbcSvc(abc.ABC):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Registered(Plugin):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class KeyedSvc(Keyed, key="svc"):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class ReplacedSvc(Replacing):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class TableSvc(IntoObject):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class MetaSvc(metaclass=Meta):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
