# False alarms from the hostile review's precision notes, fixed without touching soundness: a plain `@property`
# guard helper is walked like a method (`if self.heartbeat_owns_work: return`), and `getattr(obj, "NAME", d)` on
# an object from a third-party module (Django's `getattr(settings, "X", False)`) is the attribute load `obj.NAME`
# (stated assumption 1), so a test on it is followed both ways. A property whose getter has an effect is TG002.
# expect: Feed.start_property_guard ok
# expect: Feed.start_property_effect TG002 self.noisy
# expect: start_optional_setting ok
# expect: Scheduled.start_class_reads_property_object TG001
import os
import threading

from libcst import MaybeSentinel


class Feed:
    @property
    def heartbeat_owns_work(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"

    @property
    def noisy(self):
        threading.Thread(target=print).start()
        return False

    def start_property_guard(self):
        if self.heartbeat_owns_work:
            return
        threading.Thread(target=print).start()

    def start_property_effect(self):
        if self.noisy:
            return
        if self.heartbeat_owns_work:
            return
        threading.Thread(target=print).start()


def start_optional_setting():
    if getattr(MaybeSentinel, "THOR_DISABLE_FEEDS", False):
        return
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


class Scheduled:
    @property
    def heartbeat_owns_work(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"

    @classmethod
    def start_class_reads_property_object(cls):
        # cls.heartbeat_owns_work is the property object (always true): the legacy body never runs
        if cls.heartbeat_owns_work:
            return
        threading.Thread(target=print).start()
