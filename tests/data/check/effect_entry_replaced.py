# What a call of the entry point runs must be this body (hostile P, Y, inherited metaclass): a base class's
# __init_subclass__, a store of the method's name on the instance or class, or a project metaclass up the hierarchy
# can replace it. Library bases and an unrelated class's `self.start = ...` stay accepted.
# expect: SubclassHook.start TG009 __init_subclass__
# expect: InstanceShadow.start TG009 self.start = self._other
# expect: SetattrShadow.start TG009 setattr(self, "start", self._other)
# expect: InheritedMeta.start TG009 metaclass
# expect: WithAbc.start ok
# expect: PlainChild.start ok
import abc
import os
import threading


class _Hook:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)

        def start(self):
            threading.Thread(target=print).start()

        cls.start = start


class SubclassHook(_Hook):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class InstanceShadow:
    def __init__(self):
        self.start = self._other

    def _other(self):
        threading.Thread(target=print).start()

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class SetattrShadow:
    def __init__(self):
        setattr(self, "start", self._other)

    def _other(self):
        threading.Thread(target=print).start()

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class _Meta(type):
    def __call__(cls, *args, **kwargs):
        threading.Thread(target=print).start()
        return super().__call__(*args, **kwargs)


class _WithMeta(metaclass=_Meta):
    pass


class InheritedMeta(_WithMeta):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Timer:
    def __init__(self):
        self.start = 0.0  # an unrelated class's attribute called start


class WithAbc(abc.ABC):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class _PlainBase:
    def helper(self):
        return 1


class PlainChild(_PlainBase):
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
