"""``check --explain``: why each verdict is what it is — the value-table rows that decided it and the assumptions it used.

The verifier walks every entry point once per value of the mode variable
(``docs/rules.md`` "The value table", plus the strings the guard compares
with). A guarded verdict is decided by *every* row: each heartbeat-world value
returns first and each legacy-world value runs the body, so all rows are
listed. A rejected verdict is decided by the rows that disagree with the
heartbeat's world; those are listed and the agreeing ones are counted. Then
come the stated assumptions (docs/check.md "Assumptions") the walks relied
on; ``strict = true`` refuses them instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from thor_guard.verifier.model import FunctionVerdict, TableRow

ASSUMPTION_DOCS: dict[str, str] = {
    "loads an attribute (no side-effecting properties)": "attribute loads have no side effect",
    "reads a class attribute that no instance or subclass overrides": "self.x / cls.x mean the class's own definition",
    "calls a non-mutating method of a built-in type on a value of unknown type": "non-mutating built-in methods are pure on values of unknown type",
    "tests the truth of a value of unknown type": "truthiness of a value of unknown type is pure",
    "compares a value of unknown type": "comparison of a value of unknown type is pure",
    "applies an operator to a value of unknown type": "arithmetic on a value of unknown type is pure",
    "subscripts a value of unknown type": "subscripts of a value of unknown type are pure",
    "iterates over a value of unknown type": "iteration over a value of unknown type is pure",
    "formats a value of unknown type": "formatting a value of unknown type is pure",
    "unpacks a value of unknown type": "unpacking a value of unknown type is pure",
    "calls a pure builtin on a value of unknown type": "pure builtins stay pure on values of unknown type",
}
"""Assumption phrase recorded by the evaluator -> the docs/check.md bullet it belongs to (others are shown as recorded)."""


def _shown(value: str | None) -> str:
    return "unset" if value is None else repr(value)


def _rows(rows: tuple[TableRow, ...], guarded: bool) -> list[str]:
    chosen = rows if guarded else tuple(r for r in rows if not r.agrees)
    if not chosen:
        return ["    (no value disagrees with the heartbeat: the finding is about the code, not about a value)"]
    width = max(len(_shown(r.value)) for r in chosen)
    lines = [f"    {'value':<{width}}  {'kind':<16} {'world':<9}  this function"]
    for row in chosen:
        mark = "" if row.agrees else "   <- disagrees with the heartbeat"
        lines.append(f"    {_shown(row.value):<{width}}  {row.kind:<16} {row.world:<9}  {row.outcome}{mark}")
    if not guarded and len(chosen) < len(rows):
        lines.append(f"    ({len(rows) - len(chosen)} other values walked agree with the heartbeat)")
    return lines


def explain(verdicts: Mapping[str, FunctionVerdict], env_var: str) -> str:
    """The explanation block for every verdict (``module:qualname`` -> verdict), in entry-point order; ends with a newline."""
    out: list[str] = []
    for entry_point in sorted(verdicts):
        verdict = verdicts[entry_point]
        state = "guarded" if verdict.guarded else "not guarded: " + ", ".join(sorted(verdict.codes))
        out.append(f"explain {entry_point}: {state}")
        if verdict.table:
            heading = "every value of" if verdict.guarded else "the values of"
            out.append(f"  {heading} {env_var} walked{' (each one decides the proof)' if verdict.guarded else ' that decided it'}:")
            out.extend(_rows(verdict.table, verdict.guarded))
        else:
            out.append("  decided before any walk (the entry point's own binding or decorators, or no guard at all)")
        if verdict.assumptions:
            out.append('  stated assumptions used (docs/check.md "Assumptions"; strict = true refuses them):')
            for phrase in sorted(verdict.assumptions):
                documented = ASSUMPTION_DOCS.get(phrase)
                out.append(f"    - {phrase}" + (f" [{documented}]" if documented and documented != phrase else ""))
        else:
            out.append("  stated assumptions used: none")
    return "\n".join(out) + ("\n" if out else "")
