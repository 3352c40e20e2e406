# Reads of self that run project code: an own-class @cached_property (functools, Django), a @property inherited
# from a project base (same module, other module, property() call), getattr/hasattr/str.format spellings of the
# read, and the class's own __getattr__ for an attribute no class binds (hostile review 6: R6-7, R6-8, R6-9, R6-16).
# expect: Feed.start_cached TG002 self.cached
# expect: Feed.start_django_cached TG002 self.django_cached
# expect: Feed.start_inherited TG002 self.pending_base
# expect: Feed.start_mixin TG002 self.pending_mixin
# expect: Feed.start_mixin_property_call TG002 self.setting
# expect: Feed.start_getattr TG002 getattr(self, "pending")
# expect: Feed.start_getattr_default TG002 getattr(self, "pending_base", 0)
# expect: Feed.start_hasattr TG002 hasattr(self, "cached")
# expect: Feed.start_format_index TG002 "{0.pending}".format(self)
# expect: Feed.start_format_keyword TG002 "{s.pending_base}".format(s=self)
# expect: Feed.start_unguarded TG001 self.cached
# expect: Feed.start_pure_getters ok
# expect: Lazy.start_missing_attribute TG002 self.paused
# expect: Lazy.start_bound_attribute ok
import functools
import os
import threading

from django.utils.functional import cached_property

from mixins import Mixin


def _run():
    pass


class Base:
    @property
    def pending_base(self):
        threading.Thread(target=_run).start()
        return 0

    @property
    def calm_base(self):
        return 1


class Feed(Base, Mixin):
    @property
    def pending(self):
        threading.Thread(target=_run).start()
        return 1

    @functools.cached_property
    def cached(self):
        threading.Thread(target=_run).start()
        return 2

    @cached_property
    def django_cached(self):
        threading.Thread(target=_run).start()
        return 3

    @functools.cached_property
    def calm(self):
        return 4

    def start_cached(self):
        x = self.cached
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_django_cached(self):
        x = self.django_cached
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_inherited(self):
        x = self.pending_base
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_mixin(self):
        x = self.pending_mixin
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_mixin_property_call(self):
        x = self.setting
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_getattr(self):
        x = getattr(self, "pending")
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_getattr_default(self):
        x = getattr(self, "pending_base", 0)
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_hasattr(self):
        x = hasattr(self, "cached")
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_format_index(self):
        x = "{0.pending}".format(self)
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_format_keyword(self):
        x = "{s.pending_base}".format(s=self)
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_unguarded(self):
        return self.cached

    def start_pure_getters(self):
        a = self.calm
        b = self.calm_base
        c = getattr(self, "calm_base", 0)
        d = self.LIMIT
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()


class Lazy:
    _client = None

    def __getattr__(self, name):
        threading.Thread(target=_run).start()
        return False

    def start_missing_attribute(self):
        if self.paused:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()

    def start_bound_attribute(self):
        if self._client:
            return
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            return
        threading.Thread(target=_run).start()
