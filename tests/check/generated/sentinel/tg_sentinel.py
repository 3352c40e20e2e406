"""The side-effect sentinel imported by generated cases (kept outside the checked source roots).

Every call here records an event, so the verifier sees an unknown module and
the runner sees exactly what a run did. The helpers cover the positions an
effect can take in Python: a plain call, a value used in an expression, a base
class, a decorator that runs at definition time, a wrapper that runs before
the function, a decorator that replaces the function, and a connection whose
``open()`` is the effect.
"""

from __future__ import annotations

import functools

EVENTS: list[str] = []


def reset() -> None:
    EVENTS.clear()


def effect(tag: str = "effect") -> str:
    """Record ``tag`` and return it (usable as a value anywhere)."""
    EVENTS.append(str(tag))
    return str(tag)


def body() -> None:
    """The legacy work: the runner's marker that the body was reached."""
    EVENTS.append("BODY")


def after_guard() -> None:
    """Placed right after the guard: the guard let this run through (what follows is the body)."""
    EVENTS.append("AFTER_GUARD")


def base(tag: str = "base") -> type:
    EVENTS.append(tag)
    return object


def at_definition(function):  # type: ignore[no-untyped-def]
    """A decorator with an effect when it is applied."""
    EVENTS.append("decorate")
    return function


def wrap(function):  # type: ignore[no-untyped-def]
    """A decorator whose wrapper runs code before the function."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        EVENTS.append("wrapper")
        return function(*args, **kwargs)

    return wrapper


def replace(function):  # type: ignore[no-untyped-def]
    """A decorator that replaces the function by one that only has effects."""

    def replacement(*args, **kwargs):  # type: ignore[no-untyped-def]
        EVENTS.append("replaced")

    return replacement


def transparent(function):  # type: ignore[no-untyped-def]
    """A decorator that really is transparent (the verifier cannot know: it is not in the config)."""
    return function


class Conn:
    def open(self) -> "Conn":
        EVENTS.append("open")
        return self


class Compat:
    """What ``os = Compat()`` rebinds to: an environment that always says legacy and records reads."""

    def __init__(self) -> None:
        self.environ = {"THOR_SCHEDULER_MODE": "legacy"}

    def getenv(self, name: str, default: str | None = None) -> str | None:
        EVENTS.append("compat-getenv")
        return self.environ.get(name, default)


class Lock:
    """An unknown context manager whose ``__enter__`` is an effect."""

    def __enter__(self) -> "Lock":
        EVENTS.append("lock")
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def meta(tag: str = "metaclass") -> type:
    """A class keyword (``metaclass=``) whose evaluation is an effect."""
    EVENTS.append(tag)
    return type


async def fetch(tag: str = "await") -> str:
    """An awaitable with an effect."""
    EVENTS.append(tag)
    return tag
