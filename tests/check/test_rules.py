"""Every rule's bad examples fire exactly that code; every good example fires nothing.

The examples live in :mod:`thor_guard.rule_examples` and also make up
docs/rules.md, so this test checks the documentation too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thor_guard.check import run_check
from thor_guard.rule_examples import EXAMPLE_MODULE, RULE_DOCS, Example, render_rules_markdown
from thor_guard.rules import RULES
from tests.check.project import project_config

REPO = Path(__file__).resolve().parents[2]


def _codes(tmp_path: Path, example: Example) -> list[str]:
    files = {EXAMPLE_MODULE.replace(".", "/") + ".py": example.source, **example.files}
    table = {"preset": "none", "entry-points": [example.target], **example.config}
    config = project_config(tmp_path, files, table)
    result = run_check([tmp_path], config)
    assert result.errors == []
    return sorted(f.code for f in result.findings)


BAD = [pytest.param(doc.code, e, id=f"{doc.code}-bad-{e.title}") for doc in RULE_DOCS for e in doc.bad]
GOOD = [pytest.param(doc.code, e, id=f"{doc.code}-good-{e.title}") for doc in RULE_DOCS for e in doc.good]


@pytest.mark.parametrize(("code", "example"), BAD)
def test_bad_example_fires_exactly_its_code(tmp_path: Path, code: str, example: Example) -> None:
    codes = _codes(tmp_path, example)
    assert set(codes) == {code}, codes


@pytest.mark.parametrize(("code", "example"), GOOD)
def test_good_example_fires_nothing(tmp_path: Path, code: str, example: Example) -> None:
    assert _codes(tmp_path, example) == []


def test_every_check_rule_has_bad_and_good_examples() -> None:
    documented = {doc.code for doc in RULE_DOCS if doc.bad and doc.good}
    check_codes = {code for code in RULES if code not in ("TG010", "TG011", "TG013")}
    assert documented == check_codes


def test_docs_rules_md_is_generated_from_the_examples() -> None:
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == render_rules_markdown()
