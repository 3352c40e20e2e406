"""The four output formats, rendered from the same findings (generic over Finding, so audit can reuse them)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from thor_guard.findings import FileError, Finding
from thor_guard.report import render
from thor_guard.report.github import escape_data, escape_property

BASE = Path("/project")


@dataclass
class Result:
    findings: list[Finding]
    errors: list[FileError] = field(default_factory=list)
    summary: dict[str, int] = field(default_factory=lambda: {"entry_points": 3, "files": 2})


FINDINGS = [
    Finding(BASE / "app" / "feed.py", 5, 9, "TG001", "no THOR_SCHEDULER_MODE guard", "app.feed:Feed.start"),
    Finding(BASE / "app" / "late.py", 7, 9, "TG002", "'self.load()' runs before the guard, 100%", "app.late:Feed.start"),
    Finding(
        BASE / "app" / "spawn.py", 3, 5, "TG011", "on-demand spawn", "app.spawn:run",
        extra=(("call_path", ("app.views:trigger", "app.spawn:run")), ("kind", "thread"), ("code", "ignored")),
    ),
]
ERRORS = [FileError(BASE / "app" / "broken.py", "syntax error at line 1, column 11: invalid syntax")]


def test_text() -> None:
    out = render(Result(FINDINGS, ERRORS), "text", base=BASE)
    lines = out.stdout.splitlines()
    assert lines[0] == "app/feed.py:5:9: TG001 [missing-guard] no THOR_SCHEDULER_MODE guard (app.feed:Feed.start)"
    assert lines[3] == "    via app.views:trigger -> app.spawn:run"
    assert lines[-1] == "Found 3 findings, 1 file error (3 entry points, 2 files checked)."
    assert out.stderr == "app/broken.py: error: syntax error at line 1, column 11: invalid syntax\n"


def test_text_colour_and_statistics() -> None:
    plain = render(Result(FINDINGS), "text", base=BASE, statistics=True).stdout
    assert "    1  TG001  missing-guard\n" in plain and "\x1b[" not in plain
    coloured = render(Result(FINDINGS), "text", base=BASE, color=True).stdout
    assert "\x1b[31m" in coloured and "\x1b[33m" in coloured  # error red, warning yellow
    clean = render(Result([]), "text", base=BASE).stdout
    assert clean == "No findings (3 entry points, 2 files checked).\n"


def test_json_schema_version_1() -> None:
    document = json.loads(render(Result(FINDINGS, ERRORS), "json", base=BASE, statistics=True).stdout)
    assert document["version"] == 1
    assert document["findings"][0] == {
        "code": "TG001",
        "name": "missing-guard",
        "severity": "error",
        "path": "app/feed.py",
        "line": 5,
        "column": 9,
        "entry_point": "app.feed:Feed.start",
        "message": "no THOR_SCHEDULER_MODE guard",
    }
    extra = document["findings"][2]
    assert extra["call_path"] == ["app.views:trigger", "app.spawn:run"] and extra["kind"] == "thread"
    assert extra["code"] == "TG011"  # the schema's own keys win over extra
    assert document["errors"] == [{"path": "app/broken.py", "message": "syntax error at line 1, column 11: invalid syntax"}]
    assert document["summary"] == {"entry_points": 3, "files": 2, "findings": 3}
    assert document["statistics"] == {"TG001": 1, "TG002": 1, "TG011": 1}


# The parts of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) that code-scanning upload checks.
SARIF_SCHEMA = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {"rules": {"type": "array", "items": {"type": "object", "required": ["id"]}}},
                            }
                        },
                    },
                    "invocations": {"type": "array", "items": {"type": "object", "required": ["executionSuccessful"]}},
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "message": {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}]},
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "ruleIndex": {"type": "integer", "minimum": -1},
                                "locations": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "properties": {
                                                    "artifactLocation": {"type": "object", "properties": {"uri": {"type": "string"}}},
                                                    "region": {
                                                        "type": "object",
                                                        "properties": {"startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1}},
                                                    },
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_2_1_0() -> None:
    document = json.loads(render(Result(FINDINGS, ERRORS), "sarif", base=BASE).stdout)
    jsonschema.validate(document, SARIF_SCHEMA)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "TG001"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "app/feed.py", "uriBaseId": "SRCROOT"}
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 9}
    assert first["locations"][0]["logicalLocations"] == [{"fullyQualifiedName": "app.feed:Feed.start", "kind": "function"}]
    assert run["results"][2]["level"] == "warning"
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].startswith("syntax error")


def test_github_annotations() -> None:
    lines = render(Result(FINDINGS, ERRORS), "github", base=BASE).stdout.splitlines()
    assert lines[0] == "::error file=app/feed.py,line=5,col=9,title=TG001 missing-guard::no THOR_SCHEDULER_MODE guard (app.feed:Feed.start)"
    assert lines[1].endswith("::'self.load()' runs before the guard, 100%25 (app.late:Feed.start)")
    assert lines[2].startswith("::warning file=app/spawn.py")
    assert lines[3] == "::error file=app/broken.py,title=thor-guard::syntax error at line 1, column 11: invalid syntax"


def test_github_escaping() -> None:
    assert escape_data("a%b\nc\rd") == "a%25b%0Ac%0Dd"
    assert escape_property("x:y,z") == "x%3Ay%2Cz"
