"""No guard at all is TG001 whatever the decorator or binding; an unprovable entry point is TG009 beside it.

On Django's own source most TG009s were functions without any guard whose
decorator, or a name they use, could not be proven (issue 11 item 8): the
missing guard is reported as TG001 there too. But ``apply`` refuses the insert
while the decorator or binding stays unprovable (after the fix check would still
report the TG009), so the TG009 naming it is reported beside the TG001, and
the TG001 says apply needs it resolved or suppressed first (review AR3-2/AR3-7).
A function that does have a guard candidate (it names the mode
variable, ``os.environ``, or tests something unprovable before returning) gets
TG009 for the unprovable part.
"""
# expect: cached_view TG001,TG009 thor-guard apply does so only once the entry point's TG009 is fixed or suppressed
# expect: Registry.ready TG001,TG009 the decorator '@_wrap'
# expect: reads_module_dict TG001,TG009 a call to exec() without a fresh namespace
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
