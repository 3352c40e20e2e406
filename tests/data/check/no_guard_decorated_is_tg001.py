"""No guard at all is TG001, before any decorator or binding proof (issue 11 item 8, precision on real code).

On Django's own source most TG009s were functions without any guard whose
decorator, or a name they use, could not be proven. ``apply`` fixes a missing
guard, so the answer is TG001. A function that does have a guard candidate
(it names the mode variable, ``os.environ``, or tests something unprovable
before returning) still gets TG009 for the unprovable part.
"""
# expect: cached_view TG001
# expect: Registry.ready TG001
# expect: reads_module_dict TG001
# expect: decorated_with_guard TG009 decorator
# expect: unprovable_helper_guard TG009
import functools
import os
import sys
import threading


def _noop():
    pass


def _wrap(function):
    @functools.wraps(function)
    def inner(*args, **kwargs):
        return function(*args, **kwargs)

    return inner


@_wrap
def cached_view(request):
    threading.Thread(target=_noop).start()


class Registry:
    @_wrap
    def ready(self):
        self.apps = {}


def reads_module_dict():
    module = sys.modules[__name__]
    threading.Thread(target=module._noop).start()


@_wrap
def decorated_with_guard():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=_noop).start()


_hb = None
exec("def _hb():\n    return True")


def unprovable_helper_guard():
    if _hb():
        return
    threading.Thread(target=_noop).start()
