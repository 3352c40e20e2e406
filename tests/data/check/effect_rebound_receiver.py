# Rebinding `self` (or `cls`) in the method — by any binding statement — means `self.helper()` is no longer the
# entry point's class's method (hostile VH-11): Python calls whatever the name holds now, here LegacyDefaults'
# helper, which says "not heartbeat", so the thread starts in heartbeat mode. The verifier then treats the
# receiver as a value of unknown type: its method call is not a proven guard (TG001 with the call named, since
# nothing else tests the mode). Without a rebinding the same guard is accepted.
# expect: Feed.start_assign TG001 self.heartbeat_owns_work()
# expect: Feed.start_conditional TG001 self.heartbeat_owns_work()
# expect: Feed.start_walrus TG001 self.heartbeat_owns_work()
# expect: Feed.start_for TG001 self.heartbeat_owns_work()
# expect: Feed.start_with TG001 self.heartbeat_owns_work()
# expect: Feed.start_except TG001 self.heartbeat_owns_work()
# expect: Feed.start_import TG001 self.heartbeat_owns_work()
# expect: Feed.start_match TG001 self.heartbeat_owns_work()
# expect: Feed.start_class_method TG001 cls.heartbeat_owns_work()
# expect: Feed.start_deleted_later ok
# expect: Feed.start ok
import contextlib
import os
import threading


class LegacyDefaults:
    @staticmethod
    def heartbeat_owns_work():
        return False


class Feed:
    defaults = False

    def heartbeat_owns_work(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"

    def start(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_assign(self):
        self = LegacyDefaults
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_conditional(self):
        if not self.defaults:
            self = LegacyDefaults
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_walrus(self):
        if (self := LegacyDefaults) is None:
            return
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_for(self):
        for self in (LegacyDefaults,):
            pass
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_with(self):
        with contextlib.nullcontext(LegacyDefaults) as self:
            pass
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_except(self):
        try:
            raise LookupError
        except LookupError as self:
            pass
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_import(self):
        import types as self
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_match(self):
        match LegacyDefaults:
            case self:
                pass
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    @classmethod
    def start_class_method(cls):
        cls = LegacyDefaults
        if cls.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_deleted_later(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        self = None
        threading.Thread(target=print, args=(self,)).start()
