"""``benchmarks.phases``: one line of CPU per step for check and apply (structure only: no time is asserted)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks import phases

MODULE = '''"""A service."""
import threading


class PollService:
    def start(self):
        threading.Thread(target=print).start()

    def stop(self):
        return None
'''

PYPROJECT = """[tool.thor-guard]
preset = "none"
source-roots = ["."]
entry-points = ["svc.*:*Service.start"]
"""


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "__init__.py").write_text("")
    (tmp_path / "svc" / "poll.py").write_text(MODULE)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(previous)


def _steps(line: str) -> dict[str, float]:
    assert line.startswith("total "), line
    pairs = re.findall(r"([A-Za-z_][^\d]*?) (\d+\.\d{3})", line)
    return {name.strip(): float(value) for name, value in pairs}


def test_apply_phases_time_the_codemod_steps_and_leave_the_tree_alone(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (project / "svc" / "poll.py").read_bytes()
    assert phases.main(["apply", "-j", "1", "--diff", "."]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    steps = _steps(out[0])
    for name in ("total", "libcst parse", "plan", "re-check", "rebuild and validity checks", "verify_function (plan + re-check)", "metadata resolution"):
        assert name in steps, (name, out[0])
    assert (project / "svc" / "poll.py").read_bytes() == before  # --diff: a preview


def test_check_phases_still_time_the_verifier_steps(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert phases.main(["check", "--no-cache", "--format", "json", "."]) == 0
    captured = capsys.readouterr()
    steps = _steps(captured.out.strip().splitlines()[-1])
    for name in ("total", "import libcst", "libcst parse of entry files", "scope analysis"):
        assert name in steps, (name, captured.out)
    assert "not found" not in captured.err  # every wrapped internal name still exists
