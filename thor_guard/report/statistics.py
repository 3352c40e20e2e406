"""``--statistics``: how many findings per rule code, most frequent first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from thor_guard.findings import Finding
from thor_guard.rules import RULES


def count_by_code(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    """``[(code, count)]`` sorted by count (descending), then code."""
    counts = Counter(f.code for f in findings)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def render_statistics(findings: Iterable[Finding]) -> str:
    rows = count_by_code(findings)
    return "".join(f"{count:5d}  {code}  {RULES[code].name}\n" for code, count in rows)
