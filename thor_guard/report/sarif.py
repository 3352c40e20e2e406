"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thor_guard import __version__
from thor_guard.report.json_format import _plain
from thor_guard.report.paths import display_path
from thor_guard.rules import RULES

if TYPE_CHECKING:
    from thor_guard.report import ReportInput

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
BASE_ID = "SRCROOT"


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": f"{rule.code} {rule.name}: {rule.summary}. See docs/rules.md#{rule.code.lower()}."},
            "defaultConfiguration": {"level": "error" if rule.severity == "error" else "warning"},
        }
        for rule in RULES.values()
    ]


def _location(path: Path, base: Path, line: int | None = None, column: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": display_path(path, base), "uriBaseId": BASE_ID}}
    if line is not None:
        physical["region"] = {"startLine": line, "startColumn": column or 1}
    return {"physicalLocation": physical}


def render_sarif(result: ReportInput, *, base: Path) -> str:
    index = {code: i for i, code in enumerate(RULES)}
    results = []
    for f in result.findings:
        location = _location(f.path, base, f.line, f.column)
        if f.entry_point:
            location["logicalLocations"] = [{"fullyQualifiedName": f.entry_point, "kind": "function"}]
        entry: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": "error" if f.severity == "error" else "warning",
            "message": {"text": f.message},
            "locations": [location],
        }
        if f.extra:
            entry["properties"] = {str(k): _plain(v) for k, v in f.extra}
        results.append(entry)
    notifications = [
        {"level": "error", "message": {"text": e.message}, "locations": [_location(e.path, base)]} for e in result.errors
    ]
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "thor-guard",
                        "version": __version__,
                        "rules": _rules(),
                    }
                },
                "originalUriBaseIds": {BASE_ID: {"uri": base.as_uri() + "/"}},
                "invocations": [{"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}],
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"
