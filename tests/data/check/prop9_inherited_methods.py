# Methods and properties inherited from a project base (review 8, FA8-4, R8-15, FA8-3): a base's guard-helper method
# is walked with self bound, like one of the entry point's own class; inside a base's method or getter, `self.x` is
# looked up from the object's class (the entry point's class) down the method resolution order, so an override in
# the subclass is what runs (template method). Diamonds follow C3, not a depth-first search.
# expect: Feed.start ok
# expect: TwoStatementFeed.start ok
# expect: OverriddenAttributeFeed.start TG002 self._idle()
# expect: TemplateFeed.start TG002 self.idle
# expect: OverriddenMethodFeed.start TG002 self.empty()
# expect: OverriddenVariableFeed.start TG007 PATH
# expect: ReadWriteFeed.start ok
# expect: DiamondFeed.start ok
# expect: DiamondEffectFeed.start TG001 self.owns()
# expect: StaticHelperFeed.start ok
import os
import threading


def _run():
    pass


class ScheduledService:
    MODE_VARIABLE = "THOR_SCHEDULER_MODE"

    def heartbeat_owns_work(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"

    def current_mode(self):
        mode = os.environ.get(self.MODE_VARIABLE, "heartbeat")
        return mode.lower()

    @property
    def owns_by_variable(self):
        return os.environ.get(self.MODE_VARIABLE, "heartbeat").lower() == "heartbeat"

    @staticmethod
    def is_heartbeat(mode):
        return mode == "heartbeat"


class Feed(ScheduledService):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=_run).start()


class TwoStatementFeed(ScheduledService):
    def start(self):
        if self.current_mode() == "heartbeat":
            return
        threading.Thread(target=_run).start()


class Service:
    pending = 0
    backlog = 0

    def _idle(self):
        return self.pending == 0

    @property
    def idle(self):
        return self.backlog == 0

    def _count(self):
        return 0

    def empty(self):
        return self._count() == 0


class OverriddenAttributeFeed(Service):
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        if self._idle():
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class TemplateFeed(Service):
    @property
    def backlog(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        if not self.idle:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class OverriddenMethodFeed(Service):
    def _count(self):
        threading.Thread(target=_run).start()
        return 0

    def start(self):
        if self.empty():
            pass
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class OverriddenVariableFeed(ScheduledService):
    MODE_VARIABLE = "PATH"  # a per-service override left over from the old scheduler

    def start(self):
        if self.owns_by_variable:
            return
        threading.Thread(target=_run).start()


class Limits:
    _limit = 10

    @property
    def limit(self):
        return self._limit

    @limit.setter
    def limit(self, value):
        self._limit = value


class ReadWriteFeed(Limits):
    def start(self):
        if self.limit == 0:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class Root:
    def owns(self):
        threading.Thread(target=_run).start()
        return False


class Left(Root):
    pass


class Right(Root):
    def owns(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class DiamondFeed(Left, Right):
    # MRO: DiamondFeed, Left, Right, Root: Right.owns runs (a depth-first search would find Root.owns)
    def start(self):
        if self.owns():
            return
        threading.Thread(target=_run).start()


class DiamondEffectFeed(Left):
    def start(self):
        if self.owns():
            return
        threading.Thread(target=_run).start()


class StaticHelperFeed(ScheduledService):
    def start(self):
        if self.is_heartbeat(os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()):
            return
        threading.Thread(target=_run).start()
