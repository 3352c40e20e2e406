import os


def configure(environ=None):
    os.environ = environ or {}  # runs only when called


later = lambda: setattr(os, "getenv", None)  # noqa: E731  (runs only when called)
