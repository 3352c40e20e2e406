# Hostile round 3 (issue 11): a property read through self, a module function stored on the class, and an
# unresolved module attribute that may raise into an `except AttributeError` that falls through to the body.
# expect: Feed.start_property TG001
# expect: Feed.start_class_attribute TG009
# expect: Feed.start_optional_setting TG009
# expect: Feed.start_plain_method ok
# expect: start_assert_in_try TG009
# expect: start_import_in_try TG009
# expect: start_debug_only TG009
# expect: Settings.start TG009 bound method
import functools
import os
import sys
import threading


def heartbeat_owns_work(force_legacy=False):
    if force_legacy:
        return False
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Feed:
    heartbeat_owns_work = heartbeat_owns_work  # self.heartbeat_owns_work() passes self as force_legacy

    @functools.cached_property
    def enabled(self):
        return bool(sys.argv)

    def is_hb(self):
        return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"

    def start_property(self):
        if self.enabled and os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_class_attribute(self):
        if self.heartbeat_owns_work():
            return
        threading.Thread(target=print).start()

    def start_optional_setting(self):
        try:
            interval = sys.flags.missing_flag
            if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
                return
        except AttributeError:
            interval = 60
        threading.Thread(target=print, args=(interval,)).start()

    def start_plain_method(self):
        if self.is_hb():
            return
        threading.Thread(target=print).start()


def start_assert_in_try():
    try:
        assert os.environ.get("DJANGO_SETTINGS_MODULE")
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    except AssertionError:
        pass
    threading.Thread(target=print).start()


def start_import_in_try():
    try:
        from os import no_such_function  # noqa: F401
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    except ImportError:
        pass
    threading.Thread(target=print).start()


def start_debug_only():
    if __debug__:  # False under `python -O`: the guard would not run
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    threading.Thread(target=print).start()


class Settings:
    getenv = os.getenv  # through self, a bound method: self.getenv("X") passes self as the key

    def start(self):
        if self.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
