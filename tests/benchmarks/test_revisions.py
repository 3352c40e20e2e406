"""``benchmarks.revisions`` runs two revisions of thor-guard alternately and says whether their output agreed."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import revisions


def test_two_revisions_of_check_on_the_example_agree(capsys: pytest.CaptureFixture[str]) -> None:
    # HEAD against the working tree: the harness's own plumbing (export, alternation, CPU from wait4, comparison).
    assert revisions.main(["--base", "HEAD", "--trees", "legacy_thor", "--runs", "1", "--", "check", "--no-cache", "--format", "json", "."]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("| tree | HEAD CPU s | working tree CPU s")
    row = table[2].split("|")
    assert row[1].strip() == "legacy_thor"
    assert float(row[2]) > 0 and float(row[3]) > 0
    assert row[5].strip() == "yes"


def test_a_tree_hash_changes_with_any_file(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    first = revisions.tree_hash(tmp_path)
    (tmp_path / "a.py").write_text("x = 2\n")
    assert revisions.tree_hash(tmp_path) != first
