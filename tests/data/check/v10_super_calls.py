# super().name is looked up in the object's method resolution order after the method's own class, with self
# unchanged (review 9, FA9-1): a base's guard helper reached through super() is a guard, and the member super()
# really finds is judged — in a diamond that is the sibling class, not the textual base.
# expect: Extended.start ok
# expect: Direct.start ok
# expect: Explicit.start ok
# expect: Diamond.start TG001 self.heartbeat_owns_work()
# expect: EffectProperty.start TG002
# expect: EffectMethod.start TG002 super().prepare()
# expect: SelfUnchanged.start TG001
import logging
import os
import threading

logger = logging.getLogger(__name__)


class ScheduledService:
    VARIABLE = "THOR_SCHEDULER_MODE"

    def heartbeat_owns_work(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        return mode == "heartbeat"

    def owns_by_variable(self):
        ready = self.ready()
        return ready and os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"

    def ready(self):
        return True

    @property
    def paused(self):
        return False


class Extended(ScheduledService):
    def heartbeat_owns_work(self):
        owned = super().heartbeat_owns_work()
        if owned:
            logger.debug("feed: the heartbeat owns periodic work")
        return owned

    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class Direct(ScheduledService):
    def start(self):
        if super().heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class Explicit(ScheduledService):
    def start(self):
        if super(Explicit, self).heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class Left(ScheduledService):
    def heartbeat_owns_work(self):
        return super().heartbeat_owns_work()


class Right(ScheduledService):
    def heartbeat_owns_work(self):
        threading.Thread(target=print).start()
        return super().heartbeat_owns_work()


class Diamond(Left, Right):
    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class Noisy(ScheduledService):
    @property
    def paused(self):
        threading.Thread(target=print).start()
        return False


class EffectProperty(Noisy):
    def start(self):
        if super().paused:
            return
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class Starter(ScheduledService):
    def prepare(self):
        threading.Thread(target=print).start()


class EffectMethod(Starter):
    def prepare(self):
        return None

    def start(self):
        super().prepare()
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()


class SelfUnchanged(ScheduledService):
    def ready(self):
        threading.Thread(target=print).start()
        return True

    def start(self):
        if super().owns_by_variable():
            return
        threading.Thread(target=print).start()
