"""The default report: ``path:line:col: TG001 [missing-guard] message (module:qualname)``, one per line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from thor_guard.report.paths import display_path
from thor_guard.report.plural import count
from thor_guard.report.statistics import render_statistics

if TYPE_CHECKING:
    from thor_guard.findings import Finding
    from thor_guard.report import ReportInput

_BOLD, _RED, _YELLOW, _DIM, _GREEN, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[2m", "\x1b[32m", "\x1b[0m"


def render_text(result: ReportInput, *, base: Path, color: bool, statistics: bool) -> str:
    def paint(text: str, *styles: str) -> str:
        return "".join(styles) + text + _RESET if color else text

    lines: list[str] = []
    for finding in result.findings:
        lines.append(finding_line(finding, base=base, color=color))
        extra = dict(finding.extra)
        call_path = extra.get("call_path")
        if isinstance(call_path, (list, tuple)) and call_path:
            lines.append(f"    via {' -> '.join(str(step) for step in call_path)}")
    out = "\n".join(lines) + ("\n" if lines else "")
    if statistics and result.findings:
        out += render_statistics(result.findings)
    out += _summary_line(result, paint) + "\n"
    return out


def finding_line(finding: Finding, *, base: Path, color: bool = False) -> str:
    """``path:line:col: CODE [name] message (module:qualname)``: the one text form of a finding, for every command."""

    def paint(text: str, *styles: str) -> str:
        return "".join(styles) + text + _RESET if color else text

    code_style = _RED if finding.severity == "error" else _YELLOW
    location = f"{display_path(finding.path, base)}:{finding.line}:{finding.column}:"
    suffix = f" ({finding.entry_point})" if finding.entry_point else ""
    return f"{paint(location, _BOLD)} {paint(finding.code, _BOLD, code_style)} [{finding.name}] {finding.message}{paint(suffix, _DIM)}"


def _summary_line(result: ReportInput, paint: object) -> str:
    counts = {k: v for k, v in result.summary.items() if k != "findings"}
    details = ", ".join(count(value, _singular(key)) for key, value in counts.items())
    found = len(result.findings)
    errors = len(result.errors)
    parts = []
    if found:
        parts.append(f"Found {count(found, 'finding')}")
    else:
        parts.append("No findings")
    if errors:
        parts.append(count(errors, "file error"))
    text = ", ".join(parts) + (f" ({details} checked)." if details else ".")
    style = _GREEN if not found and not errors else _RED
    return paint(text, style)  # type: ignore[operator]


# Summary keys are plural identifiers (``entry_points``); the noun is counted, so it needs its singular.
_SINGULAR = {"entry_points": "entry point", "files": "file"}


def _singular(key: str) -> str:
    noun = _SINGULAR.get(key, key.replace("_", " "))
    return noun[:-1] if key not in _SINGULAR and noun.endswith("s") else noun
