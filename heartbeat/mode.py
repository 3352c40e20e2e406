"""The scheduler-mode gate: the ONE definition of which value means which world (DESIGN §1).

``THOR_SCHEDULER_MODE`` unset, or set to a value whose ``.lower()`` equals
the heartbeat value, is the *heartbeat world*: the heartbeat owns periodic
work and every legacy starter must return at once. Every other value — the
legacy value, the empty string, a whitespace-padded or ``\\r``-terminated
``heartbeat``, a typo — is the *legacy world*: the starters run and the
heartbeat refuses to start (exit 2). So exactly one world runs for every value.

:func:`is_heartbeat_world` is that predicate. The heartbeat's start-up
refusal (:func:`check_scheduler_mode`) and the verifier
(``thor_guard.verifier.worlds``, which evaluates every guard over
:func:`value_space`) both import it, so they cannot disagree. This module
imports nothing heavy (no Django, no libcst).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from thor_guard.errors import ThorGuardError

if TYPE_CHECKING:
    from thor_guard.config import Config

World = Literal["heartbeat", "legacy"]


class ModeError(ThorGuardError):
    """The environment says the heartbeat must not run (exit code 2)."""


def is_heartbeat_world(value: str | None, heartbeat_value: str = "heartbeat") -> bool:
    """True when ``value`` (None = unset) selects the heartbeat world: unset, or ``value.lower() == heartbeat_value.lower()``."""
    return value is None or value.lower() == heartbeat_value.lower()


def world_of(value: str | None, heartbeat_value: str = "heartbeat") -> World:
    """``"heartbeat"`` or ``"legacy"`` for ``value`` (None = unset); see :func:`is_heartbeat_world`."""
    return "heartbeat" if is_heartbeat_world(value, heartbeat_value) else "legacy"


@dataclass(frozen=True)
class ModeValue:
    """One row of the value table: a value of the mode variable (None = unset), its world and what kind of value it is."""

    value: str | None
    kind: str
    """``unset``, ``heartbeat``, ``case spelling``, ``empty``, ``whitespace``, ``carriage return``, ``legacy`` or ``unrelated``."""
    world: World


def classify(value: str | None, heartbeat_value: str = "heartbeat", legacy_value: str = "legacy") -> str:
    """Name the kind of ``value`` for messages (see :class:`ModeValue`)."""
    if value is None:
        return "unset"
    if value == heartbeat_value:
        return "heartbeat"
    if value.lower() == heartbeat_value.lower():
        return "case spelling"
    if value == "":
        return "empty"
    stripped = value.strip()
    if stripped.lower() == heartbeat_value.lower():
        return "carriage return" if "\r" in value else "whitespace"
    if stripped.lower() == legacy_value.lower():
        return "legacy"
    if stripped == "":
        return "whitespace"
    return "unrelated"


def value_space(heartbeat_value: str = "heartbeat", legacy_value: str = "legacy") -> tuple[ModeValue, ...]:
    """The values every guard is evaluated over (docs/rules.md "The value table"), in a fixed order.

    Unset, the heartbeat value and its case spellings, the empty string,
    whitespace, the heartbeat value padded or ``\\r``-terminated, the legacy
    value in several spellings and paddings, and an unrelated value.
    """
    hb, lg = heartbeat_value, legacy_value
    mixed = "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(hb))
    raw: list[str | None] = [
        None, hb, hb.capitalize(), hb.upper(), mixed, hb[:-1] + hb[-1:].upper(),
        "", " ", f"{hb} ", f" {hb}", f"\t{hb}\n", f"{hb}\r", f"{hb}\r\n",
        lg, lg.capitalize(), lg.upper(), f" {lg}", f"{lg} ", f"{lg}\r",
        "bogus", f"{hb}s", f"{hb[:-4]}_{hb[-4:]}", f"{hb}-",
    ]
    seen: list[str | None] = []
    for value in raw:
        if value not in seen:
            seen.append(value)
    return tuple(ModeValue(v, classify(v, hb, lg), world_of(v, hb)) for v in seen)


def refusal_reason(variable: str, raw: str, heartbeat_value: str = "heartbeat", legacy_value: str = "legacy") -> str:
    """Why the heartbeat refuses to run with ``variable=raw`` (a legacy-world value), naming the value's kind."""
    kind = classify(raw, heartbeat_value, legacy_value)
    run_it = f"unset {variable} or set it to '{heartbeat_value}' to run the heartbeat"
    if raw.lower() == legacy_value.lower():
        return (
            f"{variable}={raw!r}: legacy scheduler mode is active, so the heartbeat refuses to start "
            f"(the legacy threads own periodic work); {run_it}"
        )
    if kind in ("whitespace", "carriage return") and raw.strip().lower() == heartbeat_value.lower():
        what = "a carriage return" if kind == "carriage return" else "surrounding whitespace"
        return (
            f"{variable}={raw!r} is not '{heartbeat_value}': it has {what}, and only unset or '{heartbeat_value}' "
            f"(any case) selects the heartbeat, so this value is the legacy world (the legacy starters run) and the "
            f"heartbeat refuses to start; {run_it}"
        )
    shown = "(empty) " if raw == "" else ""
    return (
        f"{variable}={raw!r} {shown}is neither '{heartbeat_value}' nor '{legacy_value}' (case-insensitive): it is not unset, "
        f"so it is the legacy world (the legacy starters run) and the heartbeat refuses to start; {run_it}"
    )


def check_scheduler_mode(config: Config, environ: Mapping[str, str] | None = None) -> None:
    """Return when the heartbeat may run (:func:`is_heartbeat_world`); raise :class:`ModeError` naming the value otherwise."""
    env = os.environ if environ is None else environ
    raw = env.get(config.env_var)
    if is_heartbeat_world(raw, config.heartbeat_value):
        return
    assert raw is not None
    raise ModeError(refusal_reason(config.env_var, raw, config.heartbeat_value, config.legacy_value))
