"""``check`` and ``apply`` agree on a guard-free entry point whose binding is unprovable (review AR3-2/AR3-7).

A conditional or duplicate ``def``, an NFKC twin (``def ｓtart``) or a star import that may rebind the name: apply
refuses to insert the guard while the binding stands (after the fix check would still report TG009), so check
reports that TG009 beside the TG001, and apply's refusal names the same TG009 message at the same place. A TG009
suppressed on the ``def`` line lets apply insert the guard, after which check is clean.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli

CASE = Path(__file__).resolve().parents[1] / "data" / "check" / "entry_binding_no_guard"
ENTRIES = ["cond:start", "cond:Feed.start", "dup:start", "dup:stop", "nfkc:ｓtart", "nfkc:run", "star:start"]
LINE = re.compile(r"^(?:\S*/)?(?P<where>[^/\s]+:\d+:\d+): (?P<code>TG\d{3}) (?P<rest>.*) \((?P<entry>[^()]*)\)$")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    files = {path.name: path.read_text(encoding="utf-8") for path in CASE.glob("*.py")}
    return write_project(tmp_path / "p", files, {"preset": "none", "entry-points": ENTRIES})


def _lines(text: str) -> list[re.Match[str]]:
    return [m for m in map(LINE.match, text.splitlines()) if m is not None]


def _check(root: Path) -> list[re.Match[str]]:
    result = cli_runner().invoke(cli, ["check", "--no-cache", str(root)])
    return _lines(result.stdout)


def test_apply_refusal_names_the_tg009_check_reports(project: Path) -> None:
    before = {p.name: p.read_bytes() for p in project.glob("*.py")}
    checked = _check(project)
    tg009 = {(m["where"], m["entry"]): m["rest"] for m in checked if m["code"] == "TG009"}
    advice = [m["rest"] for m in checked if m["code"] == "TG001" and m["entry"] != "dup:stop"]
    assert advice and all("apply does so only once the entry point's TG009 is fixed or suppressed" in a for a in advice), advice
    result = cli_runner().invoke(cli, ["apply", str(project)])
    refused = [m for m in _lines(result.stdout) if "needs a person" in m["rest"]]
    assert {(m["where"], m["entry"]) for m in refused} == set(tg009), result.stdout
    for m in refused:
        assert m["code"] == "TG009", m.group(0)
        assert m["rest"] == "needs a person: " + tg009[(m["where"], m["entry"])].removeprefix("[unverifiable] "), m.group(0)
    after = {p.name: p.read_bytes() for p in project.glob("*.py")}
    assert {name for name in before if before[name] != after[name]} == {"dup.py"}  # only the suppressed `stop` defs
    assert not [m for m in _check(project) if m["entry"] == "dup:stop"]


def test_select_tg001_reports_the_blocking_tg009(project: Path) -> None:
    result = cli_runner().invoke(cli, ["apply", "--select", "TG001", str(project)])
    refused = [m for m in _lines(result.stdout) if "needs a person" in m["rest"]]
    assert refused, result.stdout
    assert all(m["code"] == "TG001" and "needs a person: blocked by TG009: cannot verify the entry point" in m["rest"] for m in refused), result.stdout
    assert {m["entry"] for m in refused} == set(ENTRIES) - {"dup:stop"} | {"nfkc:ｒun"}  # `run` matches `def ｒun` too (NFKC)
