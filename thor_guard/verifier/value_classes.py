"""Share one verdict walk among the values of the mode variable that the walk cannot tell apart.

A function is walked under every value of the value space (unset, the
heartbeat value in every case spelling, paddings, ``\\r``, the legacy value,
the strings it compares with…): about 32 walks for a guarded function. Most
of them take the same path: ``os.environ.get(VAR, "heartbeat").lower() ==
"heartbeat"`` sends ``"heartbeat"``, ``"HEARTBEAT"`` and ``"Heartbeat"`` down
the same branch, and nothing else in the walk looks at the text.

The walk is deterministic, and the only input that differs between two
values is the text of the variable's value (a :class:`~thor_guard.verifier.values.ModeText`).
While a walk runs, every operation that reads that text notes an
*observation* (:func:`thor_guard.verifier.values.observing`): the form of the
value it looked at (the chain of ``.lower()``/``.strip()``… applied to the raw
value) and what it saw - equality with a string, membership in a literal
collection, truth, equality of two forms, or, for any other operation (``len``,
slicing, hashing, formatting…), the exact text. A second value whose every
observation comes out the same would make the walk take every decision the
same way, so it would produce the same outcomes: :meth:`SharedWalk.covers`
checks exactly that, observation by observation, and only then is the first
walk's result used for the second value.

What a walk reads besides the text is fixed per class up front: whether the
variable is set at all (:data:`None` never shares with a string) and the
heartbeat world the value belongs to (the verdict treats the two worlds'
outcomes differently). A walk is not shared when it made a project call (the
call memo and the per-function call budget carry state from one value's walk
to the next, so a later value's walk could be charged differently), when an
observation could not name the form it read (``opaque``), or when the value
itself ends up in what the walk returns (an outcome's value, an environment
read's name or default).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from thor_guard.verifier.values import tainted

if TYPE_CHECKING:
    from thor_guard.verifier.evaluate import EnvRead
    from thor_guard.verifier.paths import GuardTest, Outcome, UnknownTest

Observation = tuple  # type: ignore[type-arg]
"""``("eq", chain, text, equal)``, ``("in", chain, collection, found)``, ``("truth", chain, truth)``,
``("same", chain, chain, equal)``, ``("exact", chain, text)`` or ``("opaque",)``."""


def transformed(value: str, chain: tuple[str, ...]) -> str:
    """``value`` after the ``str`` methods named in ``chain`` (``("lower", "strip")``: ``value.lower().strip()``)."""
    for name in chain:
        value = getattr(str, name)(value)
    return value


def holds(observation: Observation, value: str) -> bool:
    """Whether a walk under the raw value ``value`` would see what ``observation`` recorded."""
    kind = observation[0]
    if kind == "eq":
        _, chain, text, equal = observation
        return (transformed(value, chain) == text) == equal
    if kind == "in":
        _, chain, collection, found = observation
        return (transformed(value, chain) in collection) == found
    if kind == "truth":
        _, chain, truth = observation
        return bool(transformed(value, chain)) == truth
    if kind == "same":
        _, first, second, equal = observation
        return (transformed(value, first) == transformed(value, second)) == equal
    if kind == "exact":
        _, chain, text = observation
        return transformed(value, chain) == text
    return False  # "opaque": nothing else is known to repeat it


def class_key(value: str | None, world: str) -> tuple[bool, str]:
    """What a walk may depend on besides the observations: whether the variable is set, and the value's world."""
    return value is None, world


@dataclass
class SharedWalk:
    """One value's walk and what it read of the value, kept to serve the other values of its class."""

    observations: list[Observation]
    outcomes: list[Outcome]
    assumptions: frozenset[str]
    guard_tests: dict[int, GuardTest]
    unknown_tests: dict[int, UnknownTest]
    reads: list[EnvRead]
    swallowed: list = field(default_factory=list)  # type: ignore[type-arg]
    mode_branches: dict = field(default_factory=dict)  # type: ignore[type-arg]
    """Which way each decided mode test went (:attr:`~thor_guard.verifier.paths.Walker.mode_branches`): values the walk
    cannot tell apart take the same branches."""

    def covers(self, value: str | None) -> bool:
        """Every observation of the walk comes out the same under ``value`` (a value of the same class)."""
        if value is None:
            return not self.observations  # no text to observe: the unset walk never reads one
        return all(holds(observation, value) for observation in self.observations)


def shareable(observations: list[Observation], outcomes: list[Outcome], reads: list[EnvRead], guard_tests: dict[int, GuardTest], calls: int) -> bool:
    """Whether a finished walk may serve other values: no project call, every observation names its form, and the
    value's text does not end up in anything the walk hands back."""
    if calls or any(o[0] == "opaque" for o in observations):
        return False
    if any(tainted(o.value) for o in outcomes):
        return False
    every_read = [*reads, *(r for test in guard_tests.values() for r in test.reads)]
    return not any(tainted(r.variable) or tainted(r.default) for r in every_read)
