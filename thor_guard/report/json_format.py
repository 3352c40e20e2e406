"""``--format json``: the stable, versioned machine format (schema version 1, documented in docs/check.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thor_guard.report.paths import display_path
from thor_guard.report.statistics import count_by_code

if TYPE_CHECKING:
    from thor_guard.report import ReportInput

SCHEMA_VERSION = 1


def finding_object(finding: Any, base: Path) -> dict[str, Any]:
    """One finding as a JSON object; ``extra`` is merged in, the schema's keys win."""
    data: dict[str, Any] = {key: _plain(value) for key, value in dict(finding.extra).items()}
    data.update(
        code=finding.code,
        name=finding.name,
        severity=finding.severity,
        path=display_path(finding.path, base),
        line=finding.line,
        column=finding.column,
        entry_point=finding.entry_point,
        message=finding.message,
    )
    return data


def _plain(value: object) -> object:
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return value.as_posix()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def render_json(result: ReportInput, *, base: Path, statistics: bool) -> str:
    document: dict[str, Any] = {
        "version": SCHEMA_VERSION,
        "findings": [finding_object(f, base) for f in result.findings],
        "errors": [{"path": display_path(e.path, base), "message": e.message} for e in result.errors],
        "summary": {**dict(result.summary), "findings": len(result.findings)},
    }
    if statistics:
        document["statistics"] = dict(count_by_code(result.findings))
    return json.dumps(document, indent=2) + "\n"
