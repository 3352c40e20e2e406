"""``# thor-guard: ignore[TG002] -- reason`` comments on the ``def`` line.

A suppression must name the codes it silences and say why; a bare
``# thor-guard: ignore``, an unknown code or a missing reason is itself
reported (TG000) so that silencing stays a visible, reviewed decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from thor_guard.rules import RULES

_IGNORE = re.compile(r"#\s*thor-guard\s*:\s*ignore\b(?P<codes>\[[^\]]*\])?(?P<rest>.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    codes: frozenset[str]
    reason: str | None
    problem: str | None
    """Why the comment itself is reported (bare, unknown code, no reason), or None when it is well formed."""


def def_line_comments(function: cst.FunctionDef) -> list[str]:
    """Comments that sit on the ``def`` line (after the colon, or after ``(`` of a wrapped signature)."""
    comments: list[str] = []
    before_params = function.whitespace_before_params
    if isinstance(before_params, cst.ParenthesizedWhitespace) and before_params.first_line.comment is not None:
        comments.append(before_params.first_line.comment.value)
    body = function.body
    if isinstance(body, cst.IndentedBlock) and body.header.comment is not None:
        comments.append(body.header.comment.value)
    elif isinstance(body, cst.SimpleStatementSuite) and body.trailing_whitespace.comment is not None:
        comments.append(body.trailing_whitespace.comment.value)
    return comments


def parse_suppression(comment: str) -> Suppression | None:
    """Parse one comment; None when it is not a thor-guard suppression."""
    match = _IGNORE.search(comment)
    if match is None:
        return None
    rest = match.group("rest").strip()
    reason = rest[2:].strip() if rest.startswith("--") else None
    if match.group("codes") is None:
        return Suppression(frozenset(), reason, "a bare '# thor-guard: ignore' suppresses nothing: name the codes, e.g. '# thor-guard: ignore[TG002] -- reason'")
    raw = [c.strip().upper() for c in match.group("codes")[1:-1].split(",") if c.strip()]
    unknown = [c for c in raw if c not in RULES]
    codes = frozenset(c for c in raw if c in RULES)
    if not raw:
        return Suppression(codes, reason, "'# thor-guard: ignore[]' names no codes")
    if unknown:
        return Suppression(codes, reason, f"unknown rule code(s) {', '.join(unknown)} in '# thor-guard: ignore[...]'")
    if not reason:
        return Suppression(codes, None, f"'# thor-guard: ignore[{','.join(sorted(codes))}]' needs a reason after '--'")
    return Suppression(codes, reason, None)


def function_suppressions(function: cst.FunctionDef) -> list[Suppression]:
    return [s for s in map(parse_suppression, def_line_comments(function)) if s is not None]
