# A guard reading a class attribute through `self`/`cls` is proven only when no store of an attribute of that name
# can shadow it on the instance (hostile review 5, R5-18 SV3): `self.X = ...` in __init__ or any method,
# `vars(self)["X"] = ...`, `setattr(self, "X", ...)` (`self.__dict__.update(...)`, any name: effect_namespace_stores.py), also in a project
# base class. A store on another class proven by name (`Other.X = ...`) is unrelated.
# Each flagged class really starts its thread in the heartbeat world or never in the legacy one (VariableFeed: the
# guard reads FEED_MODE) (tests/check/test_effect_differential.py).
# expect: InitFeed.start TG009 self.INIT_HB = "legacy"
# expect: VarsFeed.start TG009 vars(self)["VARS_HB"] = "legacy"
# expect: LaterFeed.start TG009 setattr(self, "LATER_HB", "legacy")
# expect: ChildFeed.start TG009 self.BASE_HB = "legacy"
# expect: ClsFeed.start TG009 cls.CLS_HB = "legacy"
# expect: VariableFeed.start TG009 vars(self)["SV3_VARIABLE"] = "FEED_MODE"
# expect: OtherClassFeed.start ok
# expect: PlainFeed.start ok
import os
import threading


class InitFeed:
    INIT_HB = "heartbeat"

    def __init__(self):
        self.INIT_HB = "legacy"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == self.INIT_HB:
            return
        threading.Thread(target=print).start()


class VarsFeed:
    VARS_HB = "heartbeat"

    def __init__(self):
        vars(self)["VARS_HB"] = "legacy"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == self.VARS_HB:
            return
        threading.Thread(target=print).start()


class LaterFeed:
    LATER_HB = "heartbeat"

    def __init__(self):
        self.configure()

    def configure(self):
        setattr(self, "LATER_HB", "legacy")

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == self.LATER_HB:
            return
        threading.Thread(target=print).start()


class _Base:
    def __init__(self):
        self.BASE_HB = "legacy"


class ChildFeed(_Base):
    BASE_HB = "heartbeat"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == self.BASE_HB:
            return
        threading.Thread(target=print).start()


class ClsFeed:
    CLS_HB = "heartbeat"

    def __init__(self):
        type(self).configure()

    @classmethod
    def configure(cls):
        cls.CLS_HB = "legacy"

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == self.CLS_HB:
            return
        threading.Thread(target=print).start()


class VariableFeed:
    SV3_VARIABLE = "THOR_SCHEDULER_MODE"

    def __init__(self):
        vars(self)["SV3_VARIABLE"] = "FEED_MODE"

    def start(self):
        mode = os.environ.get(self.SV3_VARIABLE, "heartbeat").lower()
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
