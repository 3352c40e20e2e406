"""Turn an :class:`AuditResult` into findings and reports.

TG010/TG011 sites become :class:`~thor_guard.findings.Finding`s with the
audit's machine data in ``extra`` (``spawn_kind``, ``function``, ``trigger``,
``trigger_kind``, ``call_path``), so JSON, SARIF and GitHub output come from
the shared reporters. The text format is the audit's own: each site's line,
then its shortest call path joined with `` → `` and ending in the spawn.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from thor_guard.audit.result import AuditResult, SpawnReport
from thor_guard.findings import FileError, Finding
from thor_guard.rules import RULES

ARROW = " \u2192 "
_BOLD, _RED, _YELLOW, _DIM, _GREEN, _CYAN, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[2m", "\x1b[32m", "\x1b[36m", "\x1b[0m"


def _trigger_phrase(spawn: SpawnReport) -> str:
    return f"{spawn.trigger_kind} trigger {spawn.trigger}" if spawn.trigger else "a trigger"


def message(spawn: SpawnReport) -> str:
    if spawn.classification == "unguarded":
        return f"{spawn.spawn_text} can start in heartbeat mode: reached from {_trigger_phrase(spawn)} with no scheduler-mode guard on the path"
    if spawn.classification == "inert":
        return (
            f"{spawn.spawn_text} starts from {_trigger_phrase(spawn)} but its target {spawn.guarded_by} returns at once "
            "in heartbeat mode (proved by the verifier; --explain shows the proof)"
        )
    if spawn.classification == "on-demand":
        return f"{spawn.spawn_text} starts on demand from {_trigger_phrase(spawn)} with no scheduler-mode guard on the path"
    if spawn.classification == "guarded":
        return f"{spawn.spawn_text} is guarded by {spawn.guarded_by}"
    if spawn.classification == "allowed":
        return f"{spawn.spawn_text} is allowed by audit-allow"
    return f"{spawn.spawn_text} is not reachable from any trigger"


def spawn_data(spawn: SpawnReport) -> dict[str, object]:
    return {
        "classification": spawn.classification,
        "spawn_kind": spawn.kind,
        "api": spawn.api,
        "function": spawn.function,
        "trigger": spawn.trigger,
        "trigger_kind": spawn.trigger_kind,
        "call_path": list(spawn.call_path),
        "guarded_by": spawn.guarded_by,
        "target": spawn.target,
        "proof": spawn.proof,
    }


def to_finding(spawn: SpawnReport) -> Finding:
    code = spawn.code
    assert code is not None
    data = spawn_data(spawn)
    return Finding(
        path=spawn.path,
        line=spawn.line,
        column=spawn.column,
        code=code,
        message=message(spawn),
        entry_point=spawn.function,
        extra=tuple(data.items()),
    )


@dataclass(frozen=True)
class AuditReport:
    """The :class:`~thor_guard.report.ReportInput` of an audit run."""

    result: AuditResult
    findings: tuple[Finding, ...]
    errors: tuple[FileError, ...]
    shown: tuple[SpawnReport, ...] = ()
    """Non-finding sites the user asked to see (``--show-guarded``/``--show-unreachable``)."""
    summary: Mapping[str, int] = field(default_factory=dict)


def build_report(
    result: AuditResult,
    *,
    selected: Collection[str] | None,
    ignored: Collection[str] | None,
    show_guarded: bool,
    show_unreachable: bool,
) -> AuditReport:
    findings: list[Finding] = []
    shown: list[SpawnReport] = []
    for spawn in result.spawns:
        code = spawn.code
        if code is not None:
            if (selected is None or code in selected) and (ignored is None or code not in ignored):
                findings.append(to_finding(spawn))
        elif (show_guarded and spawn.classification in ("guarded", "allowed")) or (
            show_unreachable and spawn.classification == "unreachable"
        ):
            shown.append(spawn)
    counts = Counter(s.classification for s in result.spawns)
    stats = result.stats
    summary = {
        "files": stats.files,
        "analysed_files": stats.analysed,
        "spawn_sites": len(result.spawns),
        "unguarded": counts["unguarded"],
        "on_demand": counts["on-demand"],
        "inert": counts["inert"],
        "guarded": counts["guarded"],
        "allowed": counts["allowed"],
        "unreachable": counts["unreachable"],
        "unresolved_calls": len(result.unresolved),
    }
    errors = tuple(FileError(path, text) for path, text in result.errors)
    return AuditReport(result, tuple(sorted(findings)), errors, tuple(shown), summary)


def render_text(report: AuditReport, *, base: Path, color: bool, statistics: bool, explain: bool) -> str:
    from thor_guard.report.paths import display_path
    from thor_guard.report.statistics import render_statistics

    def paint(text: str, *styles: str) -> str:
        return "".join(styles) + text + _RESET if color else text

    entries: list[tuple[tuple[str, int, int], list[str]]] = []
    for finding in report.findings:
        data = dict(finding.extra)
        style = _RED if RULES[finding.code].severity == "error" else _YELLOW
        location = f"{display_path(finding.path, base)}:{finding.line}:{finding.column}:"
        head = f"{paint(location, _BOLD)} {paint(finding.code, _BOLD, style)} [{finding.name}] {finding.message}"
        path = [*data.get("call_path", ()), _spawn_text_from(finding, data)]  # type: ignore[misc]
        lines = [head, "    " + ARROW.join(map(str, path))]
        if explain and data.get("proof"):
            lines.append(f"    proof: {data['proof']}")
        entries.append(((display_path(finding.path, base), finding.line, finding.column), lines))
    for spawn in report.shown:
        location = f"{display_path(spawn.path, base)}:{spawn.line}:{spawn.column}:"
        label = paint(spawn.classification, _BOLD, _GREEN if spawn.classification != "unreachable" else _DIM)
        lines = [f"{paint(location, _BOLD)} {label} {message(spawn)} ({spawn.function})"]
        if spawn.call_path:
            lines.append("    " + spawn.path_text(ARROW))
        entries.append(((display_path(spawn.path, base), spawn.line, spawn.column), lines))
    out_lines = [line for _, lines in sorted(entries, key=lambda e: e[0]) for line in lines]
    out = "\n".join(out_lines) + ("\n" if out_lines else "")
    if statistics and report.findings:
        out += render_statistics(report.findings)
    if explain:
        out += explain_text(report, base=base)
    out += summary_line(report, paint) + "\n"
    return out


def _spawn_text_from(finding: Finding, data: Mapping[str, object]) -> str:
    kind, api = data.get("spawn_kind"), data.get("api")
    return f"while-loop ({api})" if kind == "loop" else f"{api}(...)"


def explain_text(report: AuditReport, *, base: Path) -> str:
    from thor_guard.report.paths import display_path

    result = report.result
    unresolved = sorted(result.unresolved, key=lambda u: (not u.relevant, str(u.path), u.line, u.column))
    lines = [
        (
            f"{len(unresolved)} of {result.stats.calls} calls in {result.stats.analysed} analysed files "
            "could not be resolved statically (parameters, call results, getattr, dynamic imports):"
        )
    ]
    for item in unresolved:
        mark = "  (may reach a spawn path)" if item.relevant else ""
        lines.append(f"  {display_path(item.path, base)}:{item.line}:{item.column}: {item.text}() in {item.function}{mark}")
    return "\n".join(lines) + "\n"


def summary_line(report: AuditReport, paint: object) -> str:
    from thor_guard.report.plural import count  # one pluralisation for every command

    s = report.summary
    found = len(report.findings)
    text = (
        f"{'Found ' + str(found) + ' finding' + ('s' if found != 1 else '') if found else 'No findings'}"
        f" ({count(s['spawn_sites'], 'spawn site')}: {s['unguarded']} unguarded, {s['on_demand']} on demand, {s['inert']} inert, {s['guarded']} guarded, "
        f"{s['allowed']} allowed, {s['unreachable']} unreachable; {s['analysed_files']} of {count(s['files'], 'file')} analysed, "
        f"{count(s['unresolved_calls'], 'unresolved call')})."
    )
    if report.errors:
        text += f" {len(report.errors)} file error{'s' if len(report.errors) != 1 else ''}."
    return paint(text, _GREEN if not found and not report.errors else _RED)  # type: ignore[operator]


def render_json(report: AuditReport, *, base: Path, statistics: bool, explain: bool) -> str:
    """The shared JSON document plus ``spawns`` and, with ``--explain``, ``unresolved``.

    ``spawns`` lists the reported sites (the findings) and the ones asked for
    with ``--show-guarded``/``--show-unreachable``, each with its
    ``classification``; the summary counts every site.
    """
    from thor_guard.report.json_format import render_json as shared
    from thor_guard.report.paths import display_path

    document = json.loads(shared(report, base=base, statistics=statistics))
    reported = {(f.path, f.line, f.column, f.entry_point) for f in report.findings}
    listed = {s for s in report.result.spawns if (s.path, s.line, s.column, s.function) in reported} | set(report.shown)
    document["spawns"] = [
        {
            "path": display_path(s.path, base),
            "line": s.line,
            "column": s.column,
            "code": s.code,
            **spawn_data(s),
        }
        for s in report.result.spawns
        if s in listed
    ]
    if explain:
        document["unresolved"] = [
            {
                "path": display_path(u.path, base),
                "line": u.line,
                "column": u.column,
                "function": u.function,
                "call": u.text,
                "may_reach_spawn": u.relevant,
            }
            for u in report.result.unresolved
        ]
    return json.dumps(document, indent=2) + "\n"

