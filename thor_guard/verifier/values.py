"""The abstract values the evaluator computes, and how two paths' values are joined.

A value is either concrete (``str``, ``bytes``, numbers, ``bool``, ``None``,
tuples and frozensets of those), :data:`OPAQUE` (unknown, but read without a
side effect: ``self.disabled``, a parameter, another environment variable), or
one of the small markers below that stand for the objects a guard may use
(``os.environ``, a logger, a module, a project function, a builtin).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from thor_guard.verifier.facts import ModuleFacts


class _Opaque:
    """A value the verifier cannot know but that was read without side effects."""

    _instance: _Opaque | None = None

    def __new__(cls) -> _Opaque:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OPAQUE"

    def __bool__(self) -> bool:
        raise TypeError("the truth of an opaque value is unknown; fork instead")


OPAQUE = _Opaque()


class _Untrusted:
    """An unknown value that may be an instance of a project class, so its dunders may run project code.

    It comes from code the verifier did not prove pure: a module name bound to
    the result of a call (``_OBJ = _O()``), a container holding such a value.
    Unlike :data:`OPAQUE` (instance state and parameters, covered by the
    documented dunder assumption), truthiness, comparison, formatting, hashing,
    iteration… of it are effects; only plain attribute loads are allowed.
    """

    _instance: _Untrusted | None = None

    def __new__(cls) -> _Untrusted:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNTRUSTED"

    def __bool__(self) -> bool:
        raise TypeError("the truth of an untrusted value runs its __bool__; report an effect instead")


UNTRUSTED = _Untrusted()

ENV_GET = "os.environ.get"
GETENV = "os.getenv"
ENVIRON = "os.environ"


@dataclass(frozen=True)
class Marker:
    """``os.environ``, ``os.environ.get`` or ``os.getenv`` as a value."""

    name: str


@dataclass(frozen=True)
class Module:
    """An imported module or a dotted name inside one that the verifier has not resolved further (``threading.Thread``)."""

    dotted: str


@dataclass(frozen=True)
class Logger:
    """A ``logging`` logger (``logging.getLogger(...)`` or the ``logging`` module's functions)."""


@dataclass(frozen=True)
class Builtin:
    """A builtin function (``bool``, ``str``, ``len``…) whose name is not rebound."""

    name: str


@dataclass(frozen=True, eq=False)
class Function:
    """A project function the verifier can walk (module function or method of a known class)."""

    facts: ModuleFacts
    node: cst.FunctionDef
    qualified: str
    owner: cst.ClassDef | None = None
    bound: bool = False
    """True when called through ``self``/``cls`` (the first parameter is supplied)."""


@dataclass(frozen=True, eq=False)
class ClassValue:
    """A class defined in the project; calling it constructs an object (an effect)."""

    node: cst.ClassDef
    facts: ModuleFacts | None = None
    """The module the class is defined in (resolves its bases and metaclass); None when unknown."""


@dataclass(frozen=True)
class BoundMethod:
    value: object
    attribute: str


@dataclass(frozen=True, eq=False)
class Coroutine:
    """What calling an ``async def`` returns: a (truthy) coroutine object; its body runs only when awaited."""

    function: Function
    arguments: tuple[object, ...] = field(default=())
    keywords: tuple[tuple[str, object], ...] = field(default=())

    def __bool__(self) -> bool:
        return True


def same(a: object, b: object) -> bool:
    """Equality that does not confuse ``1`` with ``True`` nor opaque with anything."""
    if a is OPAQUE or b is OPAQUE or a is UNTRUSTED or b is UNTRUSTED:
        return a is b
    if type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:
        return a is b


def join(values: list[object]) -> object:
    """The value two or more paths agree on, or :data:`OPAQUE` when they differ."""
    if not values:
        return OPAQUE
    if any(v is UNTRUSTED for v in values):
        return UNTRUSTED  # joining must not launder a value whose dunders are effects into OPAQUE
    first = values[0]
    return first if all(same(first, v) for v in values[1:]) else OPAQUE


def is_concrete(value: object) -> bool:
    if isinstance(value, (str, bytes, int, float, bool, type(None))):
        return True
    if isinstance(value, (tuple, frozenset)):
        return all(is_concrete(v) for v in value)
    return False
