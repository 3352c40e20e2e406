"""Every sample output in README.md and docs/*.md is what a real run prints (see tests/docs/samples.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.docs.samples import DOCUMENTS, REPO, SAMPLES, Block, compare, find_blocks, make_scratch, matches, real_lines, updated_lines

BLOCKS = [block for document in DOCUMENTS for block in find_blocks(document)]

# A line that only thor-guard's own output has: a finding, a summary, an annotation, a heartbeat log line.
_OUTPUT_LINE = re.compile(
    r"^(\S+\.py:\d+:\d+: TG\d{3} |Found \d+ findings? \(|No findings \(|::(error|warning) file=|.*heartbeat: tick=|status: +\w+ \()"
)


@pytest.mark.parametrize(
    "block",
    [pytest.param(b, id=f"{b.document.name}:{b.name}", marks=[pytest.mark.slow] if SAMPLES[b.name].slow else []) for b in BLOCKS],
)
def test_sample_matches_a_real_run(block: Block, tmp_path: Path) -> None:
    real = real_lines(block, make_scratch(tmp_path / "repo"))
    problem = compare(block, real)
    assert problem is None, problem + "\n(re-make with: python -m tests.docs.samples --update)"


def test_every_output_block_in_the_docs_is_a_marked_sample() -> None:
    marked = {(b.document, b.start) for b in BLOCKS}
    unmarked: list[str] = []
    for document in DOCUMENTS:
        lines = document.read_text(encoding="utf-8").splitlines()
        inside, start = False, 0
        for number, line in enumerate(lines):
            if line.startswith("```"):
                inside, start = (not inside), number + 1
                continue
            if inside and _OUTPUT_LINE.match(line) and (document, start) not in marked:
                unmarked.append(f"{document.relative_to(REPO)}:{number + 1}: {line[:80]}")
    assert not unmarked, "output shown in the docs without a sample marker:\n" + "\n".join(unmarked)


def test_every_registered_sample_is_used() -> None:
    assert sorted(SAMPLES) == sorted({b.name for b in BLOCKS})


def test_the_readme_set_up_commands_are_the_ones_sampled() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "python3 -m pip install -q -e . && thor-guard check examples/legacy_thor\n" in text
    assert SAMPLES["quickstart-check"].commands == ("thor-guard check examples/legacy_thor",)
    assert 'python3 -m pip install -q -e ".[django]" && cd examples/legacy_thor && thor-guard run-heartbeat --max-ticks 5\n' in text
    assert SAMPLES["quickstart-heartbeat"].commands == ("thor-guard run-heartbeat --max-ticks 5",)
    assert SAMPLES["quickstart-heartbeat"].cwd == "examples/legacy_thor"


@pytest.mark.parametrize(
    ("shown", "real", "expected"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "b"], ["a", "b", "c"], False),
        (["a", "...", "c"], ["a", "b", "x", "c"], True),
        (["a", "...", "c"], ["a", "c"], True),
        (["...", "b", "...", "d"], ["a", "b", "c", "d"], True),
        (["...", "x", "...", "d"], ["a", "b", "c", "d"], False),
        (["a", "..."], ["a"], True),
        (["a", "...", "a"], ["a"], False),
        (["b", "..."], ["a", "b"], False),
    ],
)
def test_ellipsis_stands_for_any_lines(shown: list[str], real: list[str], expected: bool) -> None:
    assert matches(shown, real) is expected


def test_update_keeps_the_cut_and_makes_a_matching_block() -> None:
    block = Block(REPO / "README.md", "sample", "quickstart-check", 0, 0, ["old", "...", "x", "...", "last"])
    real = [f"line {i}" for i in range(10)]
    new = updated_lines(block, real)
    assert new == ["line 0", "...", "line 9"]
    assert matches(new, real)
