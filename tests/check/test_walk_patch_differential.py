"""Differential check of the import-walk store spellings (hostile review 5: R5-2, R5-7, R5-8, R5-9, R5-13, R5-14, R5-19).

Each entry module of ``tests/data/check/walk_patch_spellings`` (and ``walk_patch_package``) imports a module that writes builtins, the
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

DATA = Path(__file__).resolve().parents[1] / "data" / "check"
CASE_DIRS = ("walk_patch_spellings", "walk_patch_package", "walk_review6_reflection")

_RUN = """
import importlib, sys, threading
sys.path.insert(0, ".")
def _start(self, *args, **kwargs):
    open("BODY", "a").write("thread ")
threading.Thread.start = _start
target = importlib.import_module(sys.argv[1])
*owners, name = sys.argv[2].split(".")
for owner in owners:
    target = getattr(target, owner)()
getattr(target, name)()
"""

VERDICT_ONLY = {"is_meta_path": "the appended finder answers None: the edit changes no import in this run"}
"""Refused cases whose edit is real but harmless in this particular run (the verdict is about the edit)."""


def _entries() -> list[object]:
    """(case directory, module, qualname, accepted) for every ``# expect:`` line of the cases."""
    found = []
    for case in CASE_DIRS:
        for path in sorted((DATA / case).rglob("*.py")):
            module = ".".join(path.relative_to(DATA / case).with_suffix("").parts)
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# expect:"):
                    qualname, codes = line.split()[2:4]
                    found.append(pytest.param(case, module, qualname, codes == "ok", id=f"{case}-{module}:{qualname}"))
    return found


def _run(tmp_path: Path, case: str, module: str, qualname: str, mode: str | None) -> tuple[bool, bool]:
    """(sentinel written, body started) for one call of ``module:qualname`` with THOR_SCHEDULER_MODE=mode."""
    work = tmp_path / (mode or "unset")
    shutil.copytree(DATA / case, work)
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run([sys.executable, "-c", _RUN, module, qualname], cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return (work / "SENT").exists(), (work / "BODY").exists()


@pytest.mark.parametrize(("case", "module", "qualname", "accepted"), _entries())
def test_refused_spellings_really_misbehave_and_accepted_ones_are_sound(tmp_path: Path, case: str, module: str, qualname: str, accepted: bool) -> None:
    runs = {mode: _run(tmp_path, case, module, qualname, mode) for mode in (None, "heartbeat", "legacy")}
    heartbeat_ran = any(any(runs[mode]) for mode in (None, "heartbeat"))
    legacy_body = runs["legacy"][1]
    sound = not heartbeat_ran and legacy_body
    if accepted:
        assert sound, runs
    elif module in VERDICT_ONLY:
        assert sound, runs
    else:
        assert not sound, f"{module}: refused, but every run behaved ({runs})"
