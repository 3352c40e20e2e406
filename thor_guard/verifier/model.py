"""The verifier's result types: the contract between the verifier and check, apply and audit.

The verifier (``thor_guard.verifier``) decides, for one function, whether its
leading statements form a correct scheduler-mode guard. ``check`` turns the
hits into :class:`~thor_guard.findings.Finding`s, ``apply`` uses
``guard_index`` and the hit codes to decide what it may rewrite, and ``audit``
asks only :attr:`FunctionVerdict.guarded`.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst


@dataclass(frozen=True)
class RuleHit:
    """One rule violated by one function; ``node`` is where a finding should point."""

    code: str
    message: str
    node: cst.CSTNode


@dataclass(frozen=True)
class TableRow:
    """One value of the mode variable as the verdict saw it: the heartbeat's world for it and what the function did."""

    value: str | None
    """None = unset."""
    kind: str
    world: str
    """``heartbeat`` or ``legacy`` (:func:`heartbeat.mode.world_of`)."""
    outcome: str
    """``returns first``, ``runs the body``, or what went wrong (``reaches an effect first``, ``does not run``…)."""
    agrees: bool
    """True when the outcome is the one the world requires (exit in heartbeat, run in legacy)."""


@dataclass(frozen=True)
class FunctionVerdict:
    """What the verifier proved about one function."""

    qualname: str
    function: cst.FunctionDef
    hits: tuple[RuleHit, ...]
    guard_index: int | None = None
    """Index in ``function.body.body`` of the statement recognised as the guard, if any."""
    guard_start: int | None = None
    """Index of the first statement that belongs to the guard (e.g. ``mode = os.environ.get(...)``
    before ``if mode == ...``); equals ``guard_index`` when the guard reads the environment in its condition."""
    env_var_read: str | None = None
    """The environment variable the recognised guard reads (``None`` when there is no guard)."""
    suppressed: frozenset[str] = frozenset()
    """Codes suppressed by ``# thor-guard: ignore[...]`` on the ``def`` line."""
    assumptions: frozenset[str] = frozenset()
    """The stated assumptions (docs/check.md "Assumptions") the walks relied on, as short phrases."""
    table: tuple[TableRow, ...] = ()
    """The values of the mode variable the verdict was decided on, in walk order (``check --explain``)."""

    @property
    def guarded(self) -> bool:
        """True when the function provably exits first in heartbeat mode and runs in legacy mode."""
        return not self.hits

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(hit.code for hit in self.hits)
