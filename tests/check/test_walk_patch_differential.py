"""Differential check of the import-walk store spellings (hostile review 5: R5-2, R5-7, R5-8, R5-9, R5-13, R5-14, R5-19).

Each entry module of ``tests/data/check/walk_patch_spellings`` imports a module that writes builtins, the
analysed module, a constants class, the logging machinery, the class behind ``os.environ``, the environment or
the import system through a spelling other than the plain receiver one. ``tests/check/test_v2_data.py`` pins
the verdicts (``# expect:`` headers); this test *runs* every entry point in a subprocess under the unset,
heartbeat and legacy values with a side-effect sentinel, and asserts that what ``check`` says agrees with what
happens: a refused case really misbehaves in some world (so the refusal is not a false alarm about a harmless
spelling), and an accepted case is sound.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parents[1] / "data" / "check" / "walk_patch_spellings"

_RUN = """
import importlib, sys, threading
sys.path.insert(0, ".")
def _start(self, *args, **kwargs):
    open("BODY", "a").write("thread ")
threading.Thread.start = _start
importlib.import_module(sys.argv[1]).start()
"""

VERDICT_ONLY = {"is_meta_path": "the appended finder answers None: the edit changes no import in this run"}
"""Refused cases whose edit is real but harmless in this particular run (the verdict is about the edit)."""


def _entries() -> list[object]:
    return [
        pytest.param(path.stem, id=path.stem)
        for path in sorted(CASES.glob("*.py"))
        if "# expect:" in path.read_text(encoding="utf-8")
    ]


def _run(tmp_path: Path, module: str, mode: str | None) -> tuple[bool, bool]:
    """(sentinel written, body started) for one run of ``module.start()`` with THOR_SCHEDULER_MODE=mode."""
    work = tmp_path / (mode or "unset")
    shutil.copytree(CASES, work)
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run([sys.executable, "-c", _RUN, module], cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return (work / "SENT").exists(), (work / "BODY").exists()


@pytest.mark.parametrize("module", _entries())
def test_refused_spellings_really_misbehave_and_accepted_ones_are_sound(tmp_path: Path, module: str) -> None:
    header = next(line for line in (CASES / f"{module}.py").read_text(encoding="utf-8").splitlines() if line.startswith("# expect:"))
    accepted = header.split()[3] == "ok"
    runs = {mode: _run(tmp_path, module, mode) for mode in (None, "heartbeat", "legacy")}
    heartbeat_ran = any(any(runs[mode]) for mode in (None, "heartbeat"))
    legacy_body = runs["legacy"][1]
    sound = not heartbeat_ran and legacy_body
    if accepted:
        assert sound, runs
    elif module in VERDICT_ONLY:
        assert sound, runs
    else:
        assert not sound, f"{module}: refused, but every run behaved ({runs})"
