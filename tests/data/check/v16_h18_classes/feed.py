# Hostile review 18: private name mangling (H2) and __slots__ (H3) decide what `self.x` reads.
# expect: SlotFeed.start TG001
# expect: SlotHidesHelper.start TG001
# expect: PropFeed.start TG001
# expect: StaleFeed.start TG007 THOR_SCHEDULER_MODE_OLD
# expect: MangledFeed.start ok
# expect: SlotOkFeed.start ok
# expect: ReadsOtherPrivate.start TG009 is mangled to '_ReadsOtherPrivate__VAR'
# expect: MangledFeed.start_own ok
# expect: StoredMangled.start TG009 _StoredMangled__VAR
# expect: PokedMangled.start TG009 _PokedMangled__VAR
import os
import threading


class Base:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def __getattr__(self, name):
        threading.Thread(target=print).start()
        return "THOR_SCHEDULER_MODE"

    def heartbeat_owns_work(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class SlotFeed(Base):
    # the slot is found before Base.VARIABLE; unset, it raises AttributeError and Base.__getattr__ runs
    __slots__ = ("VARIABLE",)

    def start(self):
        if os.environ.get(self.VARIABLE, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class SlotHidesHelper(Base):
    __slots__ = ("heartbeat_owns_work",)

    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class PropBase:
    @property
    def __ready(self):  # _PropBase__ready
        threading.Thread(target=print).start()
        return False

    def heartbeat_owns_work(self):
        if self.__ready:  # reads _PropBase__ready: the property, whatever the object's class binds as __ready
            return True
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class PropFeed(PropBase):
    __ready = False  # _PropFeed__ready: not what the base's method reads

    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class StaleBase:
    __VAR = "THOR_SCHEDULER_MODE_OLD"

    def heartbeat_owns_work(self):
        return os.environ.get(self.__VAR, "heartbeat").lower() == "heartbeat"


class StaleFeed(StaleBase):
    __VAR = "THOR_SCHEDULER_MODE"

    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class MangledBase:
    __VAR = "THOR_SCHEDULER_MODE_OLD"


class MangledFeed(MangledBase):
    __VAR = "THOR_SCHEDULER_MODE"

    def start(self):
        if os.environ.get(self.__VAR, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_own(self):
        if os.environ.get(MangledFeed.__VAR, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class SlotOkFeed:
    __slots__ = ("_thread",)

    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self._thread = threading.Thread(target=print)
        self._thread.start()


class ReadsOtherPrivate:
    def start(self):
        # reads MangledFeed._ReadsOtherPrivate__VAR: AttributeError in every world
        if os.environ.get(MangledFeed.__VAR, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class StoredMangled:
    __VAR = "THOR_SCHEDULER_MODE"

    def __init__(self):
        setattr(self, "_StoredMangled__VAR", "OTHER_MODE")  # what self.__VAR reads in this class

    def start(self):
        if os.environ.get(self.__VAR, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Poker:
    def poke(self, feed):
        feed._PokedMangled__VAR = "OTHER_MODE"


class PokedMangled:
    __VAR = "THOR_SCHEDULER_MODE"

    def start(self):
        if os.environ.get(self.__VAR, "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
