# A guard reading a class attribute through `self`/`cls` is proven only when no store of an attribute of that name
# can shadow it on the instance (hostile review 5, R5-18 SV3): `self.X = ...` in __init__ or any method,
# `vars(self)["X"] = ...`, `setattr(self, "X", ...)` (`self.__dict__.update(...)`, any name: effect_namespace_stores.py), also in a project
# base class. A store on another class proven by name (`Other.X = ...`) is unrelated.
# expect: InitFeed.start TG009 self.INIT_VARIABLE = "FEED_MODE"
# expect: VarsFeed.start TG009 vars(self)["VARS_VARIABLE"] = "FEED_MODE"
# expect: LaterFeed.start TG009 setattr(self, "LATER_HB", "legacy")
# expect: ChildFeed.start TG009 self.BASE_VARIABLE = "FEED_MODE"
# expect: ClsFeed.start TG009 cls.CLS_VARIABLE = "FEED_MODE"
# expect: OtherClassFeed.start ok
# expect: PlainFeed.start ok
import os
import threading


class InitFeed:
    INIT_VARIABLE = "THOR_SCHEDULER_MODE"

    def __init__(self):
        self.INIT_VARIABLE = "FEED_MODE"

    def start(self):
        mode = os.environ.get(self.INIT_VARIABLE, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class VarsFeed:
    VARS_VARIABLE = "THOR_SCHEDULER_MODE"

    def __init__(self):
        vars(self)["VARS_VARIABLE"] = "FEED_MODE"

    def start(self):
        mode = os.environ.get(self.VARS_VARIABLE, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class LaterFeed:
    LATER_HB = "heartbeat"

    def configure(self):
        setattr(self, "LATER_HB", "legacy")

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == self.LATER_HB:
            return
        threading.Thread(target=print).start()


class _Base:
    def __init__(self):
        self.BASE_VARIABLE = "FEED_MODE"


class ChildFeed(_Base):
    BASE_VARIABLE = "THOR_SCHEDULER_MODE"

    def start(self):
        mode = os.environ.get(self.BASE_VARIABLE, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class ClsFeed:
    CLS_VARIABLE = "THOR_SCHEDULER_MODE"

    @classmethod
    def configure(cls):
        cls.CLS_VARIABLE = "FEED_MODE"

    def start(self):
        mode = os.environ.get(self.CLS_VARIABLE, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class _Unrelated:
    OTHER_VARIABLE = "X"


_Unrelated.OTHER_VARIABLE = "FEED_MODE"


class OtherClassFeed:
    OTHER_VARIABLE = "THOR_SCHEDULER_MODE"

    def start(self):
        mode = os.environ.get(self.OTHER_VARIABLE, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()


class PlainFeed:
    PLAIN_VARIABLE = "THOR_SCHEDULER_MODE"

    def start(self):
        mode = os.environ.get(self.PLAIN_VARIABLE, "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=print).start()
