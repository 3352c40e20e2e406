"""The stable rule codes (DESIGN §3): code, name, severity and a one-line meaning.

Codes never change meaning once published; ``docs/rules.md`` documents each
with a bad and a good example (kept beside the verifier so tests use them too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("TG000", "bad-suppression", "error", "a '# thor-guard: ignore' comment without codes, with an unknown code or without a reason"),
        Rule("TG001", "missing-guard", "error", "entry point has no scheduler-mode guard"),
        Rule("TG002", "late-guard", "error", "a guard exists but a side effect runs before it"),
        Rule("TG003", "unsafe-default", "error", "unset variable does not mean heartbeat"),
        Rule("TG004", "case-sensitive", "error", "'Heartbeat'/'HEARTBEAT' would be treated as legacy"),
        Rule("TG005", "no-exit", "error", "the guard's branch does not return or raise"),
        Rule("TG006", "inverted", "error", "the guard exits in legacy mode or runs in heartbeat mode"),
        Rule("TG007", "stale-flag", "error", "the guard reads another or misspelled variable"),
        Rule("TG008", "entry-point-not-found", "error", "a manifest entry matches no function"),
        Rule("TG009", "unverifiable", "error", "the guard uses something the verifier cannot evaluate"),
        Rule("TG010", "unguarded-spawn", "error", "a thread/timer/loop can start in heartbeat mode"),
        Rule("TG011", "on-demand-spawn", "warning", "a spawn reachable only from a command or view a person runs"),
        Rule("TG012", "world-mismatch", "error", "for some value of the variable the guard and the heartbeat disagree on the world"),
    )
}

# audit: registered after the table so that the codes stay in order whatever is added to it.
RULES["TG013"] = Rule("TG013", "inert-spawn", "warning", "a thread starts in heartbeat mode but its target provably returns at once")


def parse_codes(text: str | None) -> frozenset[str] | None:
    """Parse ``--select``/``--ignore`` values (``TG001,TG002`` or prefixes like ``TG00``).

    Returns the set of matching codes, or None when ``text`` is None (the option was not given).
    Raises ValueError naming an unknown code, or when ``text`` names no code at all (``""``, ``","``): a CI step
    ``--select "$CODES"`` with an empty variable must fail, not select everything or nothing (apply review 18).
    """
    if text is None:
        return None
    if not text.replace(",", " ").strip():
        raise ValueError(f"{text!r} names no rule code")
    selected: set[str] = set()
    for raw in text.replace(" ", ",").split(","):
        token = raw.strip().upper()
        if not token:
            continue
        matches = {code for code in RULES if code.startswith(token)} or {
            code for code, rule in RULES.items() if rule.name == token.lower()
        }
        if not matches:
            raise ValueError(f"unknown rule code {raw.strip()!r}")
        selected |= matches
    return frozenset(selected)
