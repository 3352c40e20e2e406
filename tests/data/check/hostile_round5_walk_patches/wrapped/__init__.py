import functools

from . import feed


def _instrumented(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        open("SENT", "a").write("metrics ")
        return func(*args, **kwargs)

    return wrapper


feed.start = _instrumented(feed.start)
feed.Feed.start = _instrumented(feed.Feed.start)
