"""Data cases of verifier v2 (issue 11): every file under tests/data/check states its expected verdicts.

A case is a module ``tests/data/check/<name>.py`` or a small project
``tests/data/check/<name>/`` (source root = that directory). Each analysed
module says what ``check`` must answer in header lines::

    # expect: Feed.start TG002 c.open()
    # expect: Feed.other ok

(qualname, the exact set of codes or ``ok``, and optionally text that must
appear in a message). The project is checked with ``run_check`` — the same
skeleton, helper resolution and binding census as the command line.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.check.project import project_config
from thor_guard.check import run_check

DATA = Path(__file__).resolve().parents[1] / "data" / "check"


@dataclass(frozen=True)
class Expectation:
    module: str
    qualname: str
    codes: frozenset[str]
    text: str


def _expectations(root: Path, path: Path) -> list[Expectation]:
    parts = path.relative_to(root).with_suffix("").parts
    module = ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)  # a package's own entry points
    found: list[Expectation] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("# expect:"):
            continue
        qualname, codes, *text = line[len("# expect:") :].split(maxsplit=2)
        found.append(Expectation(module, qualname, frozenset() if codes == "ok" else frozenset(codes.split(",")), text[0] if text else ""))
    return found


def _cases() -> list[object]:
    cases = []
    for entry in sorted(DATA.iterdir()):
        if entry.suffix == ".py" or entry.is_dir():
            cases.append(pytest.param(entry, id=entry.stem))
    return cases


def copy_case(case: Path, tmp_path: Path) -> Path:
    """Copy a data case (one ``.py`` file or a directory) to ``tmp_path/project`` and return that project root."""
    root = tmp_path / "project"
    if case.is_dir():
        shutil.copytree(case, root)
    else:
        root.mkdir()
        shutil.copy(case, root / case.name)
    return root


@pytest.mark.parametrize("case", _cases())
def test_data_case(tmp_path: Path, case: Path) -> None:
    root = copy_case(case, tmp_path)
    expectations = [e for path in sorted(root.rglob("*.py")) for e in _expectations(root, path)]
    assert expectations, f"{case.name} states no '# expect:' line"
    config = project_config(root, {}, {"preset": "none", "entry-points": [f"{e.module}:{e.qualname}" for e in expectations]})
    result = run_check([root], config)
    assert result.errors == []
    by_entry: dict[str, list] = {}
    for finding in result.findings:
        by_entry.setdefault(finding.entry_point, []).append(finding)
    wrong = []
    for expected in expectations:
        findings = by_entry.get(f"{expected.module}:{expected.qualname}", [])
        codes = frozenset(f.code for f in findings)
        messages = " | ".join(f.message for f in findings)
        if codes != expected.codes or (expected.text and expected.text not in messages):
            wrong.append((expected.qualname, sorted(expected.codes), expected.text, sorted(codes), messages))
    assert wrong == []


def test_twenty_independent_ifs_merge_into_one_path() -> None:
    """The walk's work is bounded by merging: 20 forks before the guard still end in a single exit per value."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from thor_guard.verifier import VerifierContext, iter_functions
    from thor_guard.verifier.paths import CallAnalysis, Walker
    from thor_guard.verifier.verdict import module_facts

    wrapper = MetadataWrapper(cst.parse_module((DATA / "correct_many_paths.py").read_text(encoding="utf-8")))
    context = VerifierContext(module="mod")
    function = dict(iter_functions(wrapper.module))["Feed.start_twenty"]
    facts = module_facts(wrapper, context)
    outcomes = Walker(facts, CallAnalysis(context, None), owner=facts.enclosing_class(function), receiver="self").run(function)
    assert [o.kind for o in outcomes] == ["exit"]
