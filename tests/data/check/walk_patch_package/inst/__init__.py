# R5-8 (PK3 spelled through setattr on a run-time look-up): the package instruments the entry point itself.
import functools
import sys

from . import feed


def _instrumented(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        open("SENT", "a").write("metrics ")
        return func(*args, **kwargs)

    return wrapper


setattr(sys.modules[__name__ + ".feed"], "start", _instrumented(feed.start))
